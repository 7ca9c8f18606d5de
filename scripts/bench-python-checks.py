#!/usr/bin/env python3
"""Twelve of cchc's shipped checks written the way a user would otherwise write them: a Python
script over PyYAML's C loader (yaml.CSafeLoader), one file at a time, findings printed as JSON.

The benchmark's third contestant (see Benchmarks.md). It implements, as checks.md words them,
ND30-FONT, ND30-MARGINS, ND30-BODY-SIZE, ND30-NUMBER-ZERO, ND30-DATE-LINE (nd30: documents issued
on or after 2020-03-05), MC-ONLINE-RATE, MC-COUNTS, MC-PROCEDURES-POSTED (mot-cua), LT-INDEX,
LT-HANDOVER-LATE (luu-tru), CD-PROPAGANDA and CD-REPORTS (chi-dao), including the "absent field"
findings, and names each finding by file and report path so that `cchc-bench check` can compare
them with cchc's one by one. No line numbers: PyYAML's fast loader does not keep them.

usage: bench-python-checks.py PATH... [--out FILE]
"""
import calendar
import datetime
import json
import os
import re
import sys
import unicodedata

import yaml

LOADER = yaml.CSafeLoader
RULES = ["ND30-FONT", "ND30-MARGINS", "ND30-BODY-SIZE", "ND30-NUMBER-ZERO", "ND30-DATE-LINE",
         "MC-ONLINE-RATE", "MC-COUNTS", "MC-PROCEDURES-POSTED", "LT-INDEX", "LT-HANDOVER-LATE",
         "CD-PROPAGANDA", "CD-REPORTS"]
ND30_FROM = datetime.date(2020, 3, 5)
MIN_ONLINE_RATE = 0.30
MIN_PROPAGANDA = 1
DASHES = re.compile("[-\u2013\u2014\u2212]")


class Absent(Exception):
    """A field a check reads is missing or null: the check reports 'thiếu thông tin'."""

    def __init__(self, path):
        super().__init__(path)
        self.path = path


def get(node, path, *keys):
    """node[k1][k2]…, raising Absent with the full path when one is missing or null."""
    for key in keys:
        if isinstance(key, int):
            path = f"{path}[{key}]"
            node = node[key] if isinstance(node, list) and 0 <= key < len(node) else None
        else:
            path = f"{path}.{key}" if path else key
            node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            raise Absent(path)
    return node


def number(value, path):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                pass
        raise Absent(path)
    return value


def as_date(value, path):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise Absent(path)


def add_months(d, months):
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return datetime.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d, years):
    return add_months(d, 12 * years)


def two(n):
    return f"0{n}" if n < 10 else str(n)


def zero_padding_ok(text):
    """ND30-NUMBER-ZERO on `N/SYMBOL`; a number that cannot be read is left to ND30-NUMBER-FORMAT."""
    composed = unicodedata.normalize("NFC", text).strip()
    if "/" not in composed:
        return True
    sequence, symbol = composed.split("/", 1)
    sequence = sequence.strip()
    if not (sequence.isascii() and sequence.isdigit()):
        return True
    parts = [p.strip() for p in DASHES.split(symbol)]
    if any(not p or "/" in p for p in parts):
        return True
    n = int(sequence)
    return n == 0 or sequence == two(n)


TOKEN = re.compile(r"([^\W\d_]+)|([0-9]+)|(\S)")


def date_line_problems(line):
    """ND30-DATE-LINE: `<Place>, ngày DD tháng MM năm YYYY` (checks.md, nd30)."""
    line = unicodedata.normalize("NFC", line)
    tokens = [(m.group(0), m.start(), "w" if m.group(1) else "d" if m.group(2) else "o") for m in TOKEN.finditer(line)]
    starts = [i for i, t in enumerate(tokens) if t[2] == "w" and t[0].lower() == "ngày"]
    if not starts or len(tokens) != starts[-1] + 6:
        return ["unreadable"]
    date = tokens[starts[-1]:]
    kinds = [t[2] for t in date]
    words = [date[2][0].lower(), date[4][0].lower()]
    if kinds != ["w", "d", "w", "d", "w", "d"] or words != ["tháng", "năm"]:
        return ["unreadable"]
    before = line[:date[0][1]].strip()
    has_comma = before.endswith(",")
    place = (before[:-1] if has_comma else before).strip()
    problems = []
    if not place:
        problems.append("missing place")
    else:
        first = next((c for c in place if c.isalpha()), None)
        if first is None or not first.isupper():
            problems.append("place not capitalised")
        if not has_comma:
            problems.append("missing comma")
    for (written, _, _), expected in zip((date[0], date[2], date[4]), ("ngày", "tháng", "năm")):
        if written != expected:
            problems.append(f"{written} not lower-case")
    day_text, month_text, year_text = date[1][0], date[3][0], date[5][0]
    day, month, year = int(day_text), int(month_text), int(year_text)
    if 1 <= day <= 31 and day_text != two(day):
        problems.append(f"day {day_text}")
    if 1 <= month <= 12 and month_text != (two(month) if month <= 2 else str(month)):
        problems.append(f"month {month_text}")
    if len(year_text) != 4:
        problems.append(f"year {year_text}")
    if not 1 <= month <= 12:
        problems.append("no such month")
    else:
        try:
            datetime.date(year, month, day)
        except ValueError:
            problems.append("no such day")
    return problems


def check_report(report, file, findings):
    def finding(rule, path, message):
        findings.append({"rule": rule, "file": file, "path": path, "message": message})

    def rule(rule_id, body):
        """Runs one check; an absent field becomes the rule's own 'thiếu thông tin' finding,
        which names the absent field's own path (checks.md, Decision 13)."""
        try:
            body()
        except Absent as absent:
            finding(rule_id, absent.path, f"thiếu thông tin: {absent.path}")

    if not isinstance(report, dict):
        return
    year = report.get("period", {}).get("year") if isinstance(report.get("period"), dict) else None

    # nd30: every document issued on or after 2020-03-05 (an unreadable or absent date: checked).
    documents = report.get("documents")
    if isinstance(documents, list):
        for i, doc in enumerate(documents):
            base = f"documents[{i}]"
            issued = doc.get("issued_on") if isinstance(doc, dict) else None
            if issued is not None:
                try:
                    if as_date(issued, "") < ND30_FROM:
                        continue
                except Absent:
                    pass

            def font():
                value = get(doc, base, "layout", "font")
                if str(value).strip().lower() != "times new roman":
                    finding("ND30-FONT", base + ".layout.font", f"phông chữ {value}, quy định Times New Roman")
            rule("ND30-FONT", font)

            def margins():
                wrong, first = [], None
                for side, low, high in (("top", 20, 25), ("bottom", 20, 25), ("left", 30, 35), ("right", 15, 20)):
                    path = f"{base}.layout.margins_mm.{side}"
                    try:
                        value = number(get(doc, base, "layout", "margins_mm", side), path)
                        ok = low <= value <= high
                    except Absent:
                        ok = False
                    if not ok:
                        wrong.append(side)
                        first = first or path
                if wrong:
                    finding("ND30-MARGINS", first, "lề trang không đúng quy định: " + ", ".join(wrong))
            rule("ND30-MARGINS", margins)

            def body_size():
                path = base + ".layout.body_size_pt"
                value = number(get(doc, base, "layout", "body_size_pt"), path)
                if not 13 <= value <= 14:
                    finding("ND30-BODY-SIZE", path, f"cỡ chữ nội dung {value} pt, quy định 13–14 pt")
            rule("ND30-BODY-SIZE", body_size)

            def number_zero():
                value = get(doc, base, "number")
                if not zero_padding_ok(str(value)):
                    finding("ND30-NUMBER-ZERO", base + ".number", f"số, ký hiệu {value}: số 0 đứng đầu không đúng")
            rule("ND30-NUMBER-ZERO", number_zero)

            def date_line():
                value = get(doc, base, "place_date")
                problems = date_line_problems(str(value))
                if problems:
                    finding("ND30-DATE-LINE", base + ".place_date", f'dòng "{value}": ' + "; ".join(problems))
            rule("ND30-DATE-LINE", date_line)

    # mot-cua
    shop = report.get("one_stop_shop")
    if isinstance(shop, dict):
        dossiers_path = "one_stop_shop.dossiers"

        def online_rate():
            # Not applicable when nothing was received (Decision 6); an absent count is reported.
            received = number(get(shop, "one_stop_shop", "dossiers", "received"), dossiers_path + ".received")
            if received == 0:
                return
            online = number(get(shop, "one_stop_shop", "dossiers", "received_online"), dossiers_path + ".received_online")
            rate = online / received
            if rate < MIN_ONLINE_RATE:
                finding("MC-ONLINE-RATE", dossiers_path + ".received_online",
                        f"tỷ lệ hồ sơ trực tuyến {rate * 100:.1f}%, tối thiểu 30%")
        rule("MC-ONLINE-RATE", online_rate)

        def counts():
            first = None
            try:
                online = number(get(shop, "one_stop_shop", "dossiers", "received_online"), dossiers_path + ".received_online")
                received = number(get(shop, "one_stop_shop", "dossiers", "received"), dossiers_path + ".received")
                if online > received:
                    first = dossiers_path + ".received_online"
            except Absent as absent:
                first = absent.path
            try:
                resolved = [number(get(shop, "one_stop_shop", "dossiers", k), f"{dossiers_path}.{k}")
                            for k in ("resolved_on_time", "overdue", "resolved")]
                if resolved[0] + resolved[1] != resolved[2] and first is None:
                    first = dossiers_path + ".resolved"
            except Absent as absent:
                if first is None:
                    first = absent.path
            if first is not None:
                finding("MC-COUNTS", first, "số liệu hồ sơ không khớp")
        rule("MC-COUNTS", counts)

        def procedures_posted():
            posted = number(get(shop, "one_stop_shop", "procedures_posted"), "one_stop_shop.procedures_posted")
            total = number(get(shop, "one_stop_shop", "procedures_total"), "one_stop_shop.procedures_total")
            if posted != total:
                finding("MC-PROCEDURES-POSTED", "one_stop_shop.procedures_posted",
                        f"niêm yết {posted:g}/{total:g} thủ tục, thiếu {total - posted:g}")
        rule("MC-PROCEDURES-POSTED", procedures_posted)

    # luu-tru
    archive = report.get("archive")
    dossiers = archive.get("dossiers") if isinstance(archive, dict) else None
    if isinstance(dossiers, list):
        for i, d in enumerate(dossiers):
            base = f"archive.dossiers[{i}]"
            if not isinstance(d, dict):
                continue
            retention = d.get("retention")
            permanent = str(retention) == "permanent"

            def index():
                if permanent and get(d, base, "has_index") is not True:
                    finding("LT-INDEX", base + ".has_index", f"hồ sơ {d.get('code')} bảo quản vĩnh viễn chưa có mục lục văn bản")
            rule("LT-INDEX", index)

            def handover_late():
                long_kept = permanent or (isinstance(retention, int) and not isinstance(retention, bool) and retention >= 5)
                if not long_kept or d.get("handed_over_on") is None:
                    return  # not applicable: kept under 5 years, or not handed over
                if d.get("construction") is True:
                    deadline = add_months(as_date(get(d, base, "settled_on"), base + ".settled_on"), 3)
                else:
                    deadline = add_years(as_date(get(d, base, "closed_on"), base + ".closed_on"), 1)
                handed = as_date(d["handed_over_on"], base + ".handed_over_on")
                if handed > deadline:
                    finding("LT-HANDOVER-LATE", base + ".handed_over_on",
                            f"hồ sơ {d.get('code')} nộp lưu muộn {(handed - deadline).days} ngày")
            rule("LT-HANDOVER-LATE", handover_late)

    # chi-dao
    direction = report.get("direction")
    if isinstance(direction, dict):
        def propaganda():
            path = "direction.propaganda_activities"
            value = number(get(direction, "direction", "propaganda_activities"), path)
            if value < MIN_PROPAGANDA:
                finding("CD-PROPAGANDA", path, f"{value:g} đợt tuyên truyền, tối thiểu {MIN_PROPAGANDA}")
        rule("CD-PROPAGANDA", propaganda)

        def reports():
            submitted = as_date(get(report, "", "submitted_on"), "submitted_on")
            y = int(number(get(report, "", "period", "year"), "period.year"))
            ends = {"q1": datetime.date(y, 3, 31), "half-year": datetime.date(y, 6, 30),
                    "q3": datetime.date(y, 9, 30), "annual": datetime.date(y, 12, 31)}
            sent = get(direction, "direction", "reports_submitted")
            missing = [name for name, end in ends.items() if end < submitted and name not in sent]
            if missing:
                finding("CD-REPORTS", "direction.reports_submitted", "thiếu báo cáo định kỳ: " + ", ".join(missing))
        rule("CD-REPORTS", reports)
    del year


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for directory, subdirectories, names in os.walk(path):
                subdirectories[:] = sorted(s for s in subdirectories if not s.startswith("."))
                for name in sorted(names):
                    if not name.startswith(".") and name.rsplit(".", 1)[-1].lower() in ("yaml", "yml", "json"):
                        yield os.path.join(directory, name)
        else:
            yield path


def main(argv):
    out = None
    if "--out" in argv:
        i = argv.index("--out")
        out = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    findings, errors, count = [], [], 0
    for file in files(argv):
        count += 1
        try:
            with open(file, "rb") as f:
                for report in yaml.load_all(f, Loader=LOADER):
                    check_report(report, file, findings)
        except (OSError, yaml.YAMLError) as error:
            errors.append({"file": file, "error": str(error)})
    text = json.dumps({"rules": RULES, "reports": count, "findings": findings, "errors": errors},
                      ensure_ascii=False, indent=1)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
