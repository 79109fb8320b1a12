//! Reading a file's bytes into text: encoding detection, BOMs, line endings, and clear
//! errors for empty, binary and undecodable input.
