//! Headless frame benchmark of the desktop editor: the app's real UI on a 1 MB report,
//! run through `egui::Context::run_ui` and tessellated, as eframe would each frame (minus
//! the GPU upload). Prints the median time of idle frames and of frames with a typed
//! character.
//!
//!     cargo bench --bench frame
//!
//! Targets (issue #10): idle < 2 ms, keystroke < 16 ms in release.

use qinggao::gui::{App, Prefs};
use qinggao::model::Document;
use std::time::Instant;

/// One report of about `bytes` bytes in the genre: headings, placeholders, junk.
fn big_report(bytes: usize) -> String {
    let mut t = String::from("XX区2024年工作总结\n\n");
    let mut i = 0;
    while t.len() < bytes {
        i += 1;
        t.push_str(&format!(
            "（{}）第{i}项重点工作稳步推进。全年完成投资XX万元，同比增长X%，惠及群众XX户。一是加强组织领导，压实工作责任；二是强化督促检查，确保各项任务按期完成。全面从严治D，推动D建工作与业务工作深度融合。\n",
            ["一", "二", "三", "四", "五", "六", "七", "八", "九"][i % 9]
        ));
        if i % 40 == 0 {
            t.push_str(&format!("{}、阶段工作小结\n", ["一", "二", "三"][i % 3]));
        }
    }
    t
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

struct Bench {
    ctx: egui::Context,
    app: App,
    time: f64,
}

impl Bench {
    fn frame(&mut self, events: Vec<egui::Event>) -> f64 {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            time: Some(self.time),
            events,
            focused: true,
            ..Default::default()
        };
        let start = Instant::now();
        let app = &mut self.app;
        let mut out = self.ctx.run_ui(input, |ui| app.ui(ui));
        out.textures_delta.clear();
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(prims);
        start.elapsed().as_secs_f64() * 1000.0
    }
}

/// The same text in a bare multiline TextEdit: what egui itself costs on this machine.
fn baseline(text: &str) -> (f64, f64) {
    let ctx = egui::Context::default();
    ctx.set_fonts(qinggao::gui::fonts::definitions(false));
    let mut buffer = text.to_string();
    let mut time = 0.0;
    let mut frame = |events: Vec<egui::Event>, focus: bool| {
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            time: Some(time),
            events,
            focused: true,
            ..Default::default()
        };
        let start = Instant::now();
        let mut out = ctx.run_ui(input, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let r = ui.add(
                    egui::TextEdit::multiline(&mut buffer)
                        .hint_text("正文")
                        .desired_width(f32::INFINITY),
                );
                if focus {
                    r.request_focus();
                }
            });
        });
        out.textures_delta.clear();
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        start.elapsed().as_secs_f64() * 1000.0
    };
    for _ in 0..5 {
        frame(Vec::new(), true);
    }
    let idle = median((0..60).map(|_| frame(Vec::new(), false)).collect());
    let typed = median(
        (0..60)
            .map(|_| frame(vec![egui::Event::Text("字".into())], false))
            .collect(),
    );
    (idle, typed)
}

fn main() {
    let text = big_report(1024 * 1024);
    let (base_idle, base_typed) = baseline(&text);
    println!(
        "baseline (bare egui TextEdit, same text): idle median {base_idle:.2} ms, keystroke median {base_typed:.2} ms"
    );
    let size = text.len();
    let mut app = App::new(Prefs::default());
    app.data_dir = None;
    app.open_document(Document::from_text(text));
    let ctx = egui::Context::default();
    ctx.set_fonts(qinggao::gui::fonts::definitions(false));
    let mut b = Bench {
        ctx,
        app,
        time: 0.0,
    };
    for _ in 0..5 {
        b.frame(Vec::new());
    }
    // Put the cursor in the text (as a click would) and let it settle.
    let at = b.app.ws.report_range(0).start + 200;
    b.app.editor.select(at..at);
    for _ in 0..5 {
        b.frame(Vec::new());
    }
    let idle: Vec<f64> = (0..60).map(|_| b.frame(Vec::new())).collect();
    let typed: Vec<f64> = (0..60)
        .map(|_| b.frame(vec![egui::Event::Text("字".into())]))
        .collect();
    let grew = b.app.ws.text.len() - size;
    let first: Vec<String> = typed.iter().take(4).map(|t| format!("{t:.1}")).collect();
    println!("first keystroke frames (ms): {}", first.join(", "));
    println!(
        "frame bench, report of {:.2} MB: idle median {:.2} ms, keystroke median {:.2} ms (max {:.2} ms); {} bytes typed",
        size as f64 / 1_048_576.0,
        median(idle),
        median(typed.clone()),
        typed.iter().cloned().fold(0.0, f64::max),
        grew
    );
    assert_eq!(
        grew,
        60 * "字".len(),
        "every typed character reached the document"
    );
}
