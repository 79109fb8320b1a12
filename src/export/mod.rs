//! Writing results: file names made safe, atomic writes, encodings and line endings.
