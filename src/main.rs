fn main() -> std::process::ExitCode {
    qinggao::cli::run()
}
