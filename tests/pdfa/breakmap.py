#!/usr/bin/env python3
"""breakmap.py - a PDF whose ToUnicode map is broken on purpose, to show
that pdfcheck.py fails on it (tests/pdfa/run.sh).

Usage: breakmap.py drop|pua IN.pdf OUT.pdf

Takes the first font of IN that a page shows, and the last glyph it shows
that its ToUnicode CMap has as a bfchar line; drop: removes that line,
pua: maps the glyph to U+F70A, a private use code point. The new CMap is
appended as an incremental update (a new object version, a cross-reference
section and a trailer with /Prev), as an editor would save it. Prints
"FONT GLYPH": the base font and the glyph broken."""

import re
import sys

import pdfcheck as pc


def main(mode, src, dst):
	data = open(src, "rb").read()
	pdf = pc.Pdf(data)
	root = pdf.value(pdf.trailer["Root"])
	shown = pc.Shown(pdf)
	for n, (page, res) in enumerate(pc.pages(pdf, root["Pages"]), 1):
		shown.content(pdf.stream(page["Contents"]), res, "page %d" % n)
	key = next(k for k in shown.fonts if isinstance(k, pc.Ref))
	name, font = shown.fonts[key]
	ref = font["ToUnicode"]
	cmap = pdf.stream(ref)
	for glyph in sorted(shown.codes[key], reverse=True):
		line = re.compile(rb"^<%04X> <[0-9A-F]+>\n" % glyph, re.M)
		m = line.search(cmap)
		if m:
			break
	else:
		raise SystemExit("no bfchar line of a glyph shown")
	if mode == "drop":
		# one entry fewer in its block: "N beginbfchar" says how many
		start = cmap.rindex(b"beginbfchar", 0, m.start())
		count = cmap.rindex(b"\n", 0, start) + 1
		n = int(cmap[count:start])
		cmap = cmap[:count] + b"%d " % (n - 1) + cmap[start:m.start()] + cmap[m.end():]
	else:
		cmap = cmap[:m.start()] + b"<%04X> <F70A>\n" % glyph + cmap[m.end():]
	num = ref[0]
	body = b"%d 0 obj\n<<\n/Length %d\n>>\nstream\n" % (num, len(cmap)) + cmap + b"\nendstream\nendobj\n"
	prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
	at = len(data)
	xref = len(data) + len(body)
	tr = pdf.trailer
	ident = b"".join(b"<%s>" % x.hex().upper().encode() for x in pdf.value(tr["ID"]))
	tail = (b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n<<\n/Size %d\n/Root %d 0 R\n"
	    b"/Info %d 0 R\n/ID [%s]\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" %
	    (num, at, tr["Size"], tr["Root"][0], tr["Info"][0], ident, prev, xref))
	open(dst, "wb").write(data + body + tail)
	print(pdf.value(font["BaseFont"]), glyph)


if __name__ == "__main__":
	if len(sys.argv) != 4 or sys.argv[1] not in ("drop", "pua"):
		print(__doc__.split("\n\n")[1], file=sys.stderr)
		sys.exit(2)
	main(*sys.argv[1:])
