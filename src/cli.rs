//! The command line shell over the core.

pub fn run() -> std::process::ExitCode {
    std::process::ExitCode::SUCCESS
}
