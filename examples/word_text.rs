//! Prints the text 清稿 imports from each file, or the message it gives, for comparing the
//! Word readers with other programs (scripts/doc_corpus.sh):
//! `cargo run --release --no-default-features --example word_text -- FILE...`

fn main() {
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        match qinggao::input::load(std::path::Path::new(&arg), None) {
            Ok(doc) => print!("{}", doc.text),
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed));
}
