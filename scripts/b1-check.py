#!/usr/bin/env python3
"""Plain Dutch (B1) check: lists every Dutch sentence of more than 20 words in the texts people
read (the core's and the page's Dutch strings, and the labels and notes of the year files).

    python3 scripts/b1-check.py            # exit 1 when a long sentence is not justified
    python3 scripts/b1-check.py --list     # every long sentence, justified or not

Dutch strings are found where the code pairs a Dutch and an English text: the first argument
of `tr(lang, "…", "…")`, `Text::fixed("…", "…")`, `t!("…", "…")`, `Text::owned(format!("…"…`,
and the `"nl"` fields of the JSON parameter files. A sentence ends at . ! ? followed by a
space, or at the end of the string (a colon does not end one). Words are runs of non-space characters with a letter or digit (an amount or an
article number is one word; × + = € are none). A sentence that must stay long is listed, with the reason,
in `docs/b1-justified.txt` (one line: the sentence's first six words, a tab, the reason).
"""
import json, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIMIT = 20
SOURCES = ["crates/core/src", "crates/web/src", "crates/batch/src"]
# The batch page: its Dutch texts are the elements with data-t in batch.html and the first
# argument of t('…', '…') in web/batch.js.
BATCH_HTML = re.compile(r'<(\w+)[^>]*\sdata-t="[^"]*"[^>]*>([^<]*)</\1>')
BATCH_JS = re.compile(r"\bt\(\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1", re.S)
PAIR = re.compile(
    r'(?:\btr\(\s*[a-z_.]+\s*,|Text::fixed\(|\bt!\(|Text::owned\(\s*(?:format!\()?'
    r'|Lang::Nl\)?\s*=>\s*(?:\{\s*)?(?:format!\(|String::from\()?|\bfmt\(\s*format!\(|\bnl:\s*(?:format!\()?)'
    r'\s*"((?:[^"\\]|\\.)*)"',
    re.S,
)


def strings():
    for base in SOURCES:
        for path in sorted((ROOT / base).rglob("*.rs")):
            text = path.read_text(encoding="utf-8")
            cut = text.find("#[cfg(test)]")
            if cut >= 0:
                text = text[:cut]
            for m in PAIR.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                yield f"{path.relative_to(ROOT)}:{line}", m.group(1).replace('\\"', '"')
    html = (ROOT / "batch.html").read_text(encoding="utf-8")
    for m in BATCH_HTML.finditer(html):
        yield f"batch.html:{html.count(chr(10), 0, m.start()) + 1}", m.group(2)
    js = (ROOT / "web/batch.js").read_text(encoding="utf-8")
    for m in BATCH_JS.finditer(js):
        # A template's ${…} is one word, as a format placeholder is.
        yield f"web/batch.js:{js.count(chr(10), 0, m.start()) + 1}", m.group(2).replace("${", "{")
    for path in sorted((ROOT / "crates/core/params").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        def walk(node, where):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == "nl" and isinstance(v, str):
                        yield where, v
                    else:
                        yield from walk(v, f"{where}.{k}" if where else k)
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    yield from walk(v, f"{where}[{i}]")
        for where, s in walk(data, ""):
            yield f"{path.relative_to(ROOT)}:{where}", s


def sentences(s):
    s = re.sub(r"\{[^}]*\}", "X", s)  # a format placeholder is one word
    for part in re.split(r"(?<=[.!?])\s+", s):
        # A symbol between numbers (× + = € –) is not a word.
        words = [w for w in part.split() if any(c.isalnum() for c in w)]
        if words:
            yield part, len(words)


def justified():
    path = ROOT / "docs/b1-justified.txt"
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            start, reason = line.split("\t", 1)
            out[start.strip()] = reason.strip()
    return out


def main():
    ok = justified()
    long, unjustified = [], []
    for where, s in strings():
        for sentence, n in sentences(s):
            if n > LIMIT:
                start = " ".join(sentence.split()[:6])
                long.append((where, n, sentence, start in ok))
                if start not in ok:
                    unjustified.append((where, n, sentence))
    show = long if "--list" in sys.argv else [(w, n, s, False) for w, n, s in unjustified]
    for where, n, sentence, is_ok in show:
        mark = " (justified)" if is_ok else ""
        print(f"{where}: {n} words{mark}: {sentence}")
    print(f"\n{len(long)} Dutch sentences over {LIMIT} words; {len(unjustified)} not justified.")
    return 1 if unjustified else 0


if __name__ == "__main__":
    sys.exit(main())
