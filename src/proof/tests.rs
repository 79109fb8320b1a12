use super::*;

fn outline(text: &str) -> Outline {
    crate::analysis::analyze(text).outline
}

#[test]
fn the_seed_report_nine_swaps_tai_for_jian() {
    let Some(seed) = crate::test_seed::seed() else {
        return;
    };
    let o = outline(&seed);
    let found = proofread(&seed, &o);
    for f in found.iter().filter(|f| f.kind == Kind::Substitution) {
        let line_start = seed[..f.range.start].rfind('\n').map_or(0, |i| i + 1);
        let ctx_lo = seed.floor_char_boundary(f.range.start.saturating_sub(12).max(line_start));
        let ctx_hi = seed.ceil_char_boundary((f.range.end + 12).min(seed.len()));
        eprintln!(
            "{} {:?}",
            f.group.as_ref().unwrap().label,
            &seed[ctx_lo..ctx_hi]
        );
    }
    for f in found.iter().filter(|f| f.kind != Kind::Substitution) {
        let ctx_lo = seed.floor_char_boundary(f.range.start.saturating_sub(9));
        let ctx_hi = seed.ceil_char_boundary((f.range.end + 9).min(seed.len()));
        eprintln!("{:?} {:?}", f.kind, &seed[ctx_lo..ctx_hi]);
    }
}
