//! The font family names installed on this machine, read from the `name` table of the font
//! files in the usual font folders, so the export dialog can say which 公文 fonts a .docx
//! will miss. Reads only each file's table directory and name table, never whole fonts.
//! No egui here.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Family names found on this machine (scanned once, on first use).
pub fn installed() -> &'static [String] {
    static FAMILIES: OnceLock<Vec<String>> = OnceLock::new();
    FAMILIES.get_or_init(|| {
        let mut names = Vec::new();
        for dir in font_dirs() {
            scan_dir(&dir, 0, &mut names);
        }
        names.sort();
        names.dedup();
        names
    })
}

fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(target_os = "windows") {
        if let Some(w) = std::env::var_os("WINDIR") {
            dirs.push(PathBuf::from(w).join("Fonts"));
        }
        if let Some(l) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(l).join("Microsoft/Windows/Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
        dirs.extend(home.map(|h| h.join("Library/Fonts")));
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        if let Some(h) = home {
            dirs.push(h.join(".local/share/fonts"));
            dirs.push(h.join(".fonts"));
        }
    }
    dirs
}

fn scan_dir(dir: &Path, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if depth < 4 {
                scan_dir(&path, depth + 1, out);
            }
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        }) {
            out.extend(families_in(&path));
        }
    }
}

/// The family names (name IDs 1 and 16, every language) of the fonts in one file.
pub fn families_in(path: &Path) -> Vec<String> {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let Some(head) = read_at(&mut file, 0, 12) else {
        return names;
    };
    let offsets: Vec<u64> = if &head[..4] == b"ttcf" {
        let n = u32::from_be_bytes([head[8], head[9], head[10], head[11]]).min(64) as usize;
        match read_at(&mut file, 12, n * 4) {
            Some(b) => b
                .chunks(4)
                .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as u64)
                .collect(),
            None => return names,
        }
    } else {
        vec![0]
    };
    for offset in offsets {
        if let Some(table) = name_table(&mut file, offset) {
            parse_families(&table, &mut names);
        }
    }
    names.sort();
    names.dedup();
    names
}

fn read_at(file: &mut std::fs::File, at: u64, len: usize) -> Option<Vec<u8>> {
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut buf = vec![0; len];
    file.read_exact(&mut buf).ok()?;
    Some(buf)
}

fn be16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]) as usize)
}

/// The bytes of the `name` table of the font whose offset table starts at `offset`.
fn name_table(file: &mut std::fs::File, offset: u64) -> Option<Vec<u8>> {
    let head = read_at(file, offset, 12)?;
    let tables = be16(&head, 4)?.min(256);
    let dir = read_at(file, offset + 12, tables * 16)?;
    let entry = dir.chunks(16).find(|e| &e[..4] == b"name")?;
    let at = u32::from_be_bytes([entry[8], entry[9], entry[10], entry[11]]) as u64;
    let len =
        (u32::from_be_bytes([entry[12], entry[13], entry[14], entry[15]]) as usize).min(1 << 20);
    read_at(file, at, len)
}

fn parse_families(t: &[u8], out: &mut Vec<String>) {
    let (Some(count), Some(strings)) = (be16(t, 2), be16(t, 4)) else {
        return;
    };
    for i in 0..count.min(4096) {
        let r = 6 + i * 12;
        let (Some(platform), Some(name_id), Some(len), Some(off)) =
            (be16(t, r), be16(t, r + 6), be16(t, r + 8), be16(t, r + 10))
        else {
            return;
        };
        if name_id != 1 && name_id != 16 {
            continue;
        }
        let Some(bytes) = t.get(strings + off..strings + off + len) else {
            continue;
        };
        let name = match platform {
            // Unicode and Windows: UTF-16BE.
            0 | 3 => {
                let units: Vec<u16> = bytes
                    .chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            }
            // Macintosh Roman: ASCII names only.
            1 if bytes.is_ascii() => String::from_utf8_lossy(bytes).into_owned(),
            _ => continue,
        };
        let name = name.trim().to_string();
        if !name.is_empty() {
            out.push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_family_name_of_the_bundled_font() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts/DroidSansFallbackFull.ttf");
        assert_eq!(families_in(&path), ["Droid Sans Fallback"]);
        assert!(families_in(Path::new("/nonexistent.ttf")).is_empty());
    }
}
