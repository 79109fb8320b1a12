#!/usr/bin/env python3
"""Writes the held-out Word files tests/fixtures/unseen/word/wNN.docx (+ wNN.json), made with
python-docx (MIT) rather than the project's own fixture code, and converts some of them to .doc
with LibreOffice (wNNd.doc + wNNd.json, the same manifest).

What they carry, as sites' Word downloads do: headings numbered by Word's automatic lists
(numbering.xml, chineseCounting "%1、" and "（%2）", decimal "%3."), a header and a footer
with the site's name, a hyperlink whose text is an advert, a table of figures, a placeholder
split across runs ("X" in one run, "X区" in the next), site labels before titles and a brand
word in a run of its own inside a sentence. The manifests (scored by tests/unseen.rs) say what
a correct reader, split and cleaning give: titles and labels, each report's list markers as
Word shows them, the junk to remove and the lines to keep byte for byte.

Run: python3 scripts/gen_unseen_word.py [OUT_DIR]   (needs python-docx; soffice for the .doc)
Reuses the report text of scripts/gen_unseen_corpus.py, with a seed of its own.
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_unseen_corpus as corpus  # noqa: E402

corpus.R.seed(20261208)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Which typed marker styles become Word list levels (the text then loses the typed marker).
AUTO_LEVELS = {"cn": 0, "pcn": 1, "dot": 2}
LEVEL_XML = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
]


def add_abstract_num(document, abstract_id):
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="{640 if i else 0}"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(LEVEL_XML)
    )
    el = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                   f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)


def add_num(document, num_id, abstract_id, restart=False):
    """A list instance of `abstract_id`; with `restart`, every level starts again at 1."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>' for i in range(3))
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f'{overrides if restart else ""}</w:num>'))


def set_numbering(paragraph, num_id, level):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))


def add_hyperlink(paragraph, url, text):
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:rPr><w:color w:val="0563C1"/>'
        f'<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'))


def title_paragraph(document, text, heading_style):
    if heading_style:
        p = document.add_paragraph(text, style="Heading 1")
    else:
        p = document.add_paragraph()
        run = p.add_run(text)
        run.bold = True
        run.font.size = Pt(18)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def body_paragraph(document, runs):
    p = document.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    for r in runs:
        p.add_run(r)
    return p


def write(spec, path):
    """Writes one .docx from `spec`; returns its manifest."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(16)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    junk, keep, reports = [], [], []
    section = document.sections[0]
    section.header.paragraphs[0].text = spec["header"]
    section.footer.paragraphs[0].text = spec["footer"]
    junk += [spec["header"], spec["footer"]]
    if spec.get("title"):
        title_paragraph(document, spec["title"], False)
        keep.append(spec["title"])
    auto = spec.get("auto", AUTO_LEVELS)
    for ri, rep in enumerate(spec["reports"]):
        # Each report's headings count from 一 again: a list of its own (as LibreOffice and
        # WPS write it), or with `overrides`, one shared list restarted by startOverride.
        num_id = 200 + ri
        if spec.get("overrides"):
            if ri == 0:
                add_abstract_num(document, 90)
            add_num(document, num_id, 90, restart=True)
        else:
            add_abstract_num(document, 90 + ri)
            add_num(document, num_id, 90 + ri)
        shown = (rep.label or "") + rep.title
        title_paragraph(document, shown, spec.get("heading_style", False))
        if rep.label:
            junk.append(rep.label)
        keep.append(rep.title)
        markers = []
        for pi, para in enumerate(rep.paras):
            text, want, mk = para["text"], para["want"], para["marker"]
            style_of = None
            if mk:
                style_of = next((s for s in auto if corpus.STYLES[s](1)[-1] == mk[-1]
                                 and mk in [corpus.STYLES[s](i) for i in range(1, 11)]), None)
            if style_of is not None:
                p = body_paragraph(document, [text[len(mk):]])
                p.paragraph_format.first_line_indent = None
                set_numbering(p, num_id, auto[style_of])
            elif ri == spec.get("split_report") and pi == spec.get("split_para"):
                # The placeholder "XX区" typed in two goes: "X" ends one run, "X区" opens the next.
                extra = "坚持把优化营商环境作为推动X"
                rest = "X区高质量发展的关键一招，持续擦亮“办事不求人”服务品牌。"
                body_paragraph(document, [text, extra, rest])
                want = want + extra + rest
            elif ri == spec.get("brand_report") and pi == spec.get("brand_para"):
                cut = len(text) // 2
                while not ("\u4e00" <= text[cut - 1] <= "\u9fff" and "\u4e00" <= text[cut] <= "\u9fff"):
                    cut += 1
                body_paragraph(document, [text[:cut], spec["brand"], text[cut:]])
                junk.append(spec["brand"])
            else:
                body_paragraph(document, [text.replace("党", "D") if spec.get("mask") else text])
            if mk:
                markers.append(mk)
            keep.append(want)
            if ri == spec.get("table_report") and pi == spec.get("table_after"):
                rows = spec["table"]
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                table.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
                keep += ["\t".join(row) for row in rows]
        reports.append({"title": rep.title, "label": rep.label, "markers": markers})
        if ri == spec.get("link_after"):
            p = document.add_paragraph()
            add_hyperlink(p, spec["link_url"], spec["link_text"])
            junk.append(spec["link_text"])
    for line in spec.get("tail", []):
        document.add_paragraph(line)
        junk.append(line)
    document.core_properties.author = ""
    document.save(path)
    dedup = lambda xs: list(dict.fromkeys(x.strip() for x in xs if x.strip()))  # noqa: E731
    return {"held_out": True, "reports": reports, "junk": dedup(junk), "keep": dedup(keep)}


def reports_for(kinds, year, labels=None):
    reps = corpus.build(kinds, year, labels=labels)
    corpus.extras(reps, year, traps=1, holes=1)
    return reps


FIGURES = [["指标", "2023年", "2024年", "增幅"],
           ["地区生产总值（亿元）", "286.4", "307.9", "7.5%"],
           ["一般公共预算收入（亿元）", "18.2", "19.6", "7.7%"],
           ["城镇居民人均可支配收入（元）", "42356", "44802", "5.8%"]]

SPECS = [
    {   # w00: summaries, both Chinese levels numbered by Word, labels, table, split placeholder
        "kinds": [("summary", {"top": "cn", "sub": "pcn", "third": "dun"}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "par", "enum": "shi"}),
                  ("huibao", {"top": "cn", "enum": "circ"})],
        "year": 2024, "labels": lambda i: f"【文稿{i}】",
        "title": "2024年度工作总结汇编（Word版）",
        "header": "墨韵文库整理　仅供学习参考", "footer": "墨韵文库 www.moyun-wk.com 海量公文范文免费下载",
        "link_after": 0, "link_url": "http://www.moyun-wk.com/vip", "link_text": "▶ 开通墨韵文库VIP，全站文档免费下载",
        "table_report": 0, "table_after": 2, "table": FIGURES,
        "split_report": 1, "split_para": 0,
        "brand_report": 2, "brand_para": 0, "brand": "墨韵文库",
        "tail": ["扫码关注“墨韵文库”公众号，回复“总结”获取更多范文"],
        "overrides": True,
        "doc": False,
    },
    {   # w01: 述职 with headings styled Heading 1, level 一、 numbered, typed 一是
        "kinds": [("shuzhi", {"top": "cn", "enum": "shi"}),
                  ("shuzhi", {"top": "cn", "enum": "zhua"}),
                  ("shuzhi", {"top": "cn"})],
        "year": 2024, "heading_style": True,
        "header": "公文汇·精品述职报告", "footer": "本文档由公文汇用户上传，版权归原作者所有",
        "link_after": 1, "link_url": "https://gongwenhui.example.net/", "link_text": "更多述职报告范文，请点击进入公文汇",
        "split_report": 0, "split_para": 2,
        "tail": ["【公文汇】专业代写述职报告、总结汇报，原创保密，欢迎咨询"],
        "doc": True,
    },
    {   # w02: speeches, numbered 一、 and （一）
        "kinds": [("speech", {"top": "cn", "enum": "yao"}),
                  ("speech", {"top": "cn", "speaker": False}),
                  ("speech", {"top": "cn", "enum": "shi", "closing": True})],
        "year": 2025, "labels": lambda i: f"范文之{corpus.cn(i)}：",
        "title": "领导讲话稿精选（3篇）",
        "header": "笔下生花素材网", "footer": "笔下生花素材网　第1页",
        "link_after": 2, "link_url": "http://bxsh-sc.example.org/more", "link_text": "下载更多讲话稿 >>",
        "table_report": 1, "table_after": 3, "table": FIGURES,
        "doc": False,
    },
    {   # w03: 实施方案, three numbered levels 一、（一）1.
        "kinds": [("fangan", {"top": "cn", "sub": "pcn", "deep": "dot"}),
                  ("fangan", {"top": "cn", "sub": "pcn"}),
                  ("diaoyan", {"top": "cn", "enum": "shi", "sub": "pcn"})],
        "year": 2025,
        "title": "2025年实施方案汇编",
        "header": "方案库 fangan-ku.example.com", "footer": "—— 方案库：每日更新实施方案、工作要点 ——",
        "link_after": 0, "link_url": "http://fangan-ku.example.com/pay", "link_text": "付费下载完整版（含附件表格）",
        "split_report": 2, "split_para": 1,
        "table_report": 2, "table_after": 1, "table": FIGURES,
        "doc": True,
    },
    {   # w04: 对照检查 and 汇报 with 党 masked as D in the body text
        "kinds": [("duizhao", {"top": "cn", "sub": "pcn", "enum": "shi"}),
                  ("huibao", {"top": "cn", "enum": "shi", "letters": "fwletter"})],
        "year": 2024, "mask": True,
        "header": "红笔头材料网　内部资料", "footer": "红笔头材料网版权所有，未经许可不得转载",
        "link_after": 0, "link_url": "http://hbt-cl.example.cn/", "link_text": "红笔头材料网：点此领取2025全套材料",
        "doc": False,
    },
]


def convert_to_doc(src, out_dir):
    """src.docx → out_dir/<stem>d.doc with LibreOffice; False when soffice is missing or fails."""
    if not shutil.which("soffice"):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, src],
                           capture_output=True, text=True, timeout=180)
        made = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".doc")
        if r.returncode != 0 or not os.path.exists(made):
            print(r.stdout, r.stderr, file=sys.stderr)
            return False
        shutil.move(made, os.path.join(out_dir, os.path.splitext(os.path.basename(src))[0] + "d.doc"))
    return True


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "unseen", "word")
    os.makedirs(out, exist_ok=True)
    for n, spec in enumerate(SPECS):
        reps = reports_for(spec["kinds"], spec["year"], spec.get("labels"))
        s = dict(spec, reports=reps)
        path = os.path.join(out, f"w{n:02d}.docx")
        manifest = write(s, path)
        names = [f"w{n:02d}"]
        if spec["doc"] and convert_to_doc(path, out):
            names.append(f"w{n:02d}d")
        for name in names:
            with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as fh:
                json.dump(manifest, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
    print(f"wrote {len(SPECS)} Word compilations to {out}")


if __name__ == "__main__":
    main()
