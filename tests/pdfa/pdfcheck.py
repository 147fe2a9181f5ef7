#!/usr/bin/env python3
"""pdfcheck.py - nithet's own PDF/A checks, for what Apache PDFBox Preflight
cannot judge: it validates PDF/A-1b only, so PDF/A-2u and PDF/A-3u are
checked here (tests/pdfa/run.sh).

Usage: pdfcheck.py [--claim 2u] [--header 1.7] FILE.pdf...

Always: every glyph that a page or form shows (Tj, TJ, ' and " under the
font its Tf set, q/Q kept) maps to Unicode through its font's ToUnicode
CMap (a bfchar or bfrange entry, not empty, valid UTF-16, no U+FFFD, no
U+0000, U+FEFF or U+FFFE, nothing from a private use area: level U of ISO
19005-2 and -3), and every font is a Type0 font with Identity-H whose font
program is embedded.
--claim PART+LEVEL: the XMP metadata (unfiltered, as PDF/A wants) claims
exactly this pdfaid:part and pdfaid:conformance, and no other claim is
anywhere in the file, even in a compressed stream; the XMP's title is the
Info dictionary's; an sRGB output intent /GTS_PDFA1 with its profile, and
the trailer's /ID. For parts 2 and 3 also: no .notdef glyph (0) shown, and
a /CIDSet, where there is one, identifies every glyph id of its font
program (below the count of metrics, as veraPDF reads it).
--header V: the file starts with %PDF-V.

Only the standard library: the file is read through its cross-reference
tables (incremental updates followed), streams inflated with zlib. Prints
one line per problem naming the file, the font and the glyph; exit status
1 when there is any, 0 otherwise."""

import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

WS = b"\x00\t\n\x0c\r "
DELIM = b"()<>[]{}/%"


class Name(str):
	pass


class Op(str):
	pass


class Ref(tuple):
	pass


class PdfError(Exception):
	pass


class Lexer:
	"""Tokens and objects of PDF syntax, in a file body or a content stream."""

	def __init__(self, data, pos=0):
		self.d = data
		self.p = pos

	def skip_ws(self):
		d, n = self.d, len(self.d)
		while self.p < n:
			c = d[self.p]
			if c in WS:
				self.p += 1
			elif c == 0x25:  # % comment
				while self.p < n and d[self.p] not in b"\r\n":
					self.p += 1
			else:
				break

	def literal(self):
		d, p = self.d, self.p + 1
		out = bytearray()
		depth = 1
		while p < len(d):
			c = d[p]
			if c == 0x5C:  # backslash
				p += 1
				e = d[p:p + 1]
				esc = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12, b"(": 40, b")": 41, b"\\": 92}
				if e in esc:
					out.append(esc[e])
					p += 1
				elif e in (b"\r", b"\n"):
					p += 1
					if e == b"\r" and d[p:p + 1] == b"\n":
						p += 1
				elif e.isdigit() and e < b"8":
					k = p
					while k < p + 3 and d[k:k + 1].isdigit() and d[k:k + 1] < b"8":
						k += 1
					out.append(int(d[p:k], 8) & 0xFF)
					p = k
				else:
					p += 0  # an unknown escape: the backslash is dropped
				continue
			if c == 0x28:
				depth += 1
			elif c == 0x29:
				depth -= 1
				if depth == 0:
					self.p = p + 1
					return bytes(out)
			out.append(c)
			p += 1
		raise PdfError("unterminated string")

	def token(self):
		"""The next token: bytes for a string, Name, int/float, Op (keywords
		and delimiters [ ] << >>), or None at the end."""
		self.skip_ws()
		d = self.d
		if self.p >= len(d):
			return None
		c = d[self.p]
		if c == 0x28:
			return self.literal()
		if c == 0x3C:
			if d[self.p + 1:self.p + 2] == b"<":
				self.p += 2
				return Op("<<")
			e = d.index(b">", self.p)
			h = re.sub(rb"\s", b"", d[self.p + 1:e])
			self.p = e + 1
			if len(h) % 2:
				h += b"0"
			return bytes.fromhex(h.decode("ascii"))
		if c == 0x3E and d[self.p + 1:self.p + 2] == b">":
			self.p += 2
			return Op(">>")
		if c in b"[]{}":
			self.p += 1
			return Op(chr(c))
		if c == 0x2F:
			p = self.p + 1
			while p < len(d) and d[p] not in WS and d[p] not in DELIM:
				p += 1
			raw = d[self.p + 1:p]
			self.p = p
			return Name(re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode("latin-1"))
		p = self.p
		while p < len(d) and d[p] not in WS and d[p] not in DELIM:
			p += 1
		if p == self.p:  # a stray delimiter such as ')'
			p += 1
		w = d[self.p:p]
		self.p = p
		if re.fullmatch(rb"[+-]?\d+", w):
			return int(w)
		if re.fullmatch(rb"[+-]?(\d+\.\d*|\.\d+|\d+\.)", w):
			return float(w)
		return Op(w.decode("latin-1"))

	def obj(self, tok=None):
		"""One object (arrays and dictionaries whole, N G R as Ref)."""
		t = self.token() if tok is None else tok
		if t == "[" and isinstance(t, Op):
			items = []
			while True:
				t = self.token()
				if t is None:
					raise PdfError("unterminated array")
				if isinstance(t, Op) and t == "]":
					return fold_refs(items)
				items.append(self.obj(t))
		if t == "<<" and isinstance(t, Op):
			items = []
			while True:
				t = self.token()
				if t is None:
					raise PdfError("unterminated dictionary")
				if isinstance(t, Op) and t == ">>":
					items = fold_refs(items)
					return {items[i]: items[i + 1] for i in range(0, len(items) - 1, 2)}
				items.append(self.obj(t))
		return t


def fold_refs(items):
	out = []
	for t in items:
		if isinstance(t, Op) and t == "R" and len(out) >= 2 and type(out[-1]) is int and type(out[-2]) is int:
			g = out.pop()
			n = out.pop()
			out.append(Ref((n, g)))
		else:
			out.append(t)
	return out


class Pdf:
	def __init__(self, data):
		self.d = data
		self.offsets = {}
		self.cache = {}
		self.trailer = {}
		m = list(re.finditer(rb"startxref\s+(\d+)", data))
		if not m:
			raise PdfError("no startxref")
		at = int(m[-1].group(1))
		seen = set()
		while at is not None and at not in seen:
			seen.add(at)
			lx = Lexer(data, at)
			if lx.token() != "xref":
				raise PdfError("no cross-reference table at %d (a cross-reference stream?)" % at)
			while True:
				t = lx.token()
				if t == "trailer":
					break
				first, count = t, lx.token()
				lx.skip_ws()
				for i in range(count):
					row = data[lx.p:lx.p + 20]
					lx.p += 20
					off, _, kind = row.split()[:3]
					if kind == b"n" and first + i not in self.offsets:
						self.offsets[first + i] = int(off)
			tr = lx.obj()
			for k, v in tr.items():
				self.trailer.setdefault(k, v)
			at = tr.get("Prev")

	def get(self, ref):
		"""(value, stream bytes or None) of object ref, streams inflated."""
		if not isinstance(ref, Ref):
			return ref, None
		n = ref[0]
		if n in self.cache:
			return self.cache[n]
		if n not in self.offsets:
			raise PdfError("object %d is not in the cross-reference table" % n)
		lx = Lexer(self.d, self.offsets[n])
		if lx.token() != n or type(lx.token()) is not int or lx.token() != "obj":
			raise PdfError("object %d is not where the table says" % n)
		val = lx.obj()
		stream = None
		save = lx.p
		if lx.token() == "stream":
			p = lx.p
			if self.d[p:p + 2] == b"\r\n":
				p += 2
			elif self.d[p:p + 1] in (b"\n", b"\r"):
				p += 1
			length = self.value(val.get("Length"))
			raw = self.d[p:p + length]
			filt = self.value(val.get("Filter"))
			filters = filt if isinstance(filt, list) else [filt] if filt else []
			for f in filters:
				if f != "FlateDecode":
					raise PdfError("object %d: filter %s is not read here" % (n, f))
				raw = zlib.decompress(raw)
			stream = raw
		else:
			lx.p = save
		self.cache[n] = (val, stream)
		return self.cache[n]

	def value(self, v):
		return self.get(v)[0] if isinstance(v, Ref) else v

	def stream(self, v):
		return self.get(v)[1]


def font_unicode(pdf, font):
	"""The ToUnicode map of a Type0 font: code -> UTF-16BE bytes."""
	cmap = {}
	data = pdf.stream(font.get("ToUnicode"))
	if data is None:
		return None
	lx = Lexer(data)
	toks = []
	while True:
		t = lx.token()
		if t is None:
			break
		toks.append(t)
	i = 0
	while i < len(toks):
		t = toks[i]
		if t == "beginbfchar":
			i += 1
			while toks[i] != "endbfchar":
				src, dst = toks[i], toks[i + 1]
				cmap[int.from_bytes(src, "big")] = dst
				i += 2
		elif t == "beginbfrange":
			i += 1
			while toks[i] != "endbfrange":
				lo, hi = int.from_bytes(toks[i], "big"), int.from_bytes(toks[i + 1], "big")
				dst = toks[i + 2]
				i += 3
				if isinstance(dst, Op) and dst == "[":
					arr = []
					while not (isinstance(toks[i], Op) and toks[i] == "]"):
						arr.append(toks[i])
						i += 1
					i += 1
					for k, code in enumerate(range(lo, hi + 1)):
						if k < len(arr):
							cmap[code] = arr[k]
				else:
					base = int.from_bytes(dst, "big")
					for k, code in enumerate(range(lo, hi + 1)):
						cmap[code] = (base + k).to_bytes(len(dst), "big")
		else:
			i += 1
	return cmap


def bad_unicode(u):
	"""Why the UTF-16BE bytes u are no Unicode for a glyph, or None."""
	if not u:
		return "an empty mapping"
	try:
		s = u.decode("utf-16-be")
	except UnicodeDecodeError:
		return "not UTF-16 (<%s>)" % u.hex().upper()
	for ch in s:
		c = ord(ch)
		if c in (0, 0xFEFF, 0xFFFE):
			return "U+%04X" % c
		if c == 0xFFFD:
			return "U+FFFD, the replacement character"
		if 0xE000 <= c <= 0xF8FF or c >= 0xF0000:
			return "U+%04X, a private use code point" % c
	return None


class Shown:
	"""The glyphs shown per font (keyed by the font dictionary's object)."""

	def __init__(self, pdf):
		self.pdf = pdf
		self.codes = {}   # font key -> set of codes
		self.fonts = {}   # font key -> (resource name, font dict)
		self.problems = []

	def content(self, data, resources, where):
		pdf = self.pdf
		fonts = pdf.value(resources.get("Font")) or {}
		xobjects = pdf.value(resources.get("XObject")) or {}
		lx = Lexer(data)
		stack, font = [], None
		ops = []
		while True:
			t = lx.token()
			if t is None:
				break
			if isinstance(t, Op) and t in ("[", "<<"):
				ops.append(lx.obj(t))
				continue
			if not isinstance(t, Op):
				ops.append(t)
				continue
			if t == "BI":  # inline image: its data runs to EI
				m = re.compile(rb"\sEI(?=[\s]|$)").search(lx.d, lx.p)
				lx.p = m.end() if m else len(lx.d)
			elif t == "q":
				stack.append(font)
			elif t == "Q":
				font = stack.pop() if stack else None
			elif t == "Tf" and len(ops) >= 2:
				font = ops[-2]
				if font not in fonts:
					self.problems.append("%s: Tf names /%s, which its resources do not hold" % (where, font))
			elif t in ("Tj", "'", '"', "TJ") and ops:
				arg = ops[-1]
				strings = [s for s in arg if isinstance(s, bytes)] if isinstance(arg, list) else [arg]
				self.show(font, fonts, strings, where)
			elif t == "Do" and ops and ops[-1] in xobjects:
				x, xdata = pdf.get(xobjects[ops[-1]])
				if pdf.value(x.get("Subtype")) == "Form" and xdata is not None:
					res = pdf.value(x.get("Resources")) or resources
					self.content(xdata, res, where + " form /" + ops[-1])
			ops = []

	def show(self, name, fonts, strings, where):
		if name is None or name not in fonts:
			if any(strings):
				self.problems.append("%s: text shown with no font set" % where)
			return
		ref = fonts[name]
		key = ref if isinstance(ref, Ref) else id(ref)
		font = self.pdf.value(ref)
		self.fonts.setdefault(key, (name, font))
		codes = self.codes.setdefault(key, set())
		two = font.get("Subtype") == "Type0"
		for s in strings:
			if two:
				if len(s) % 2:
					self.problems.append("%s: font /%s: an odd number of bytes in a string" % (where, name))
				codes.update(int.from_bytes(s[i:i + 2], "big") for i in range(0, len(s) - 1, 2))
			else:
				codes.update(s)


def pages(pdf, node, inherited=None, seen=None):
	seen = set() if seen is None else seen
	if isinstance(node, Ref):
		if node in seen:
			return
		seen.add(node)
	d = pdf.value(node)
	res = d.get("Resources", inherited)
	if d.get("Type") == "Pages" or "Kids" in d:
		for k in pdf.value(d.get("Kids")) or []:
			yield from pages(pdf, k, res, seen)
	else:
		yield d, pdf.value(res) or {}


def cidset_problem(pdf, fd):
	"""Why fd's /CIDSet does not identify exactly its TrueType program's
	glyphs (ids 1 up), or None."""
	bits = pdf.stream(fd.get("CIDSet"))
	prog = pdf.stream(fd.get("FontFile2"))
	if bits is None or prog is None:
		return None
	tables = {}
	for i in range(struct.unpack(">H", prog[4:6])[0]):
		tag, _, off, length = struct.unpack(">4sIII", prog[12 + 16 * i:28 + 16 * i])
		tables[tag] = off
	nglyphs = struct.unpack(">H", prog[tables[b"maxp"] + 4:tables[b"maxp"] + 6])[0]
	nmetrics = struct.unpack(">H", prog[tables[b"hhea"] + 34:tables[b"hhea"] + 36])[0]
	has = lambda g: g // 8 < len(bits) and bits[g // 8] & (0x80 >> (g % 8))
	for g in range(1, nmetrics):
		if not has(g):
			return "its /CIDSet leaves out glyph %d, which the font program holds" % g
	for g in range(nglyphs, len(bits) * 8):
		if has(g):
			return "its /CIDSet names glyph %d, past the program's %d" % (g, nglyphs)
	return None


def check_glyphs(pdf, path, out, part=0):
	root = pdf.value(pdf.trailer.get("Root"))
	shown = Shown(pdf)
	for n, (page, res) in enumerate(pages(pdf, root.get("Pages")), 1):
		contents = page.get("Contents")
		contents = pdf.value(contents)
		refs = contents if isinstance(contents, list) else [page.get("Contents")]
		data = b"\n".join(pdf.stream(r) or b"" for r in refs if r is not None)
		shown.content(data, res, "page %d" % n)
	out.extend("%s: %s" % (path, p) for p in shown.problems)
	nglyphs = 0
	for key, (name, font) in shown.fonts.items():
		base = pdf.value(font.get("BaseFont"))
		label = "font /%s (%s)" % (name, base)
		codes = shown.codes[key]
		nglyphs += len(codes)
		if font.get("Subtype") != "Type0" or pdf.value(font.get("Encoding")) != "Identity-H":
			out.append("%s: %s is not a Type0 font with Identity-H: not judged here" % (path, label))
			continue
		desc = pdf.value((pdf.value(font.get("DescendantFonts")) or [{}])[0])
		fd = pdf.value(desc.get("FontDescriptor")) or {}
		if not any(k in fd for k in ("FontFile", "FontFile2", "FontFile3")):
			out.append("%s: %s is not embedded" % (path, label))
		if part >= 2:
			if 0 in codes:
				out.append("%s: %s: glyph 0, .notdef, is shown (PDF/A-%d forbids it)" % (path, label, part))
			why = cidset_problem(pdf, fd)
			if why:
				out.append("%s: %s: %s" % (path, label, why))
		cmap = font_unicode(pdf, font)
		if cmap is None:
			out.append("%s: %s has no ToUnicode CMap" % (path, label))
			continue
		for c in sorted(codes):
			if c == 0 and part >= 2:
				continue
			if c not in cmap:
				out.append("%s: %s: glyph %d has no ToUnicode entry" % (path, label, c))
				continue
			why = bad_unicode(cmap[c])
			if why:
				out.append("%s: %s: glyph %d maps to %s" % (path, label, c, why))
	return len(shown.fonts), nglyphs


def text_string(b):
	if isinstance(b, bytes) and b.startswith(b"\xfe\xff"):
		return b[2:].decode("utf-16-be")
	return b.decode("latin-1") if isinstance(b, bytes) else None


CLAIM = re.compile(rb"pdfaid:part\s*>\s*(\d+)|pdfaid:part\s*=\s*[\"'](\d+)")


def check_claim(pdf, path, claim, out):
	part, level = claim[:-1], claim[-1].upper()
	root = pdf.value(pdf.trailer.get("Root"))
	md_ref = root.get("Metadata")
	if md_ref is None:
		out.append("%s: no XMP metadata in the catalog" % path)
		return
	md, xmp = pdf.get(md_ref)
	if "Filter" in md:
		out.append("%s: the XMP metadata stream is filtered (PDF/A wants it readable as it is)" % path)
	ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
	    "dc": "http://purl.org/dc/elements/1.1/"}
	try:
		tree = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", xmp))
	except ET.ParseError as e:
		out.append("%s: the XMP is not XML: %s" % (path, e))
		return
	for key, want in (("part", part), ("conformance", level)):
		found = [e.text.strip() for e in tree.iter("{%s}%s" % (ns["pdfaid"], key)) if e.text]
		found += [d.get("{%s}%s" % (ns["pdfaid"], key)) for d in tree.iter("{%s}Description" % ns["rdf"])
		    if d.get("{%s}%s" % (ns["pdfaid"], key)) is not None]
		if found != [want]:
			out.append("%s: the XMP claims pdfaid:%s %s, not %s" % (path, key, found or "none", want))
	# No other claim anywhere: the file's bytes and every stream inflated.
	claims = [m.group(1) or m.group(2) for m in CLAIM.finditer(pdf.d)]
	for n in sorted(pdf.offsets):
		try:
			v, s = pdf.get(Ref((n, 0)))
		except (PdfError, zlib.error):
			continue
		if s is not None and "Filter" in v:
			claims += [m.group(1) or m.group(2) for m in CLAIM.finditer(s)]
	if claims != [part.encode()]:
		out.append("%s: pdfaid:part claims in the file: %s (one, %s, expected)" %
		    (path, b", ".join(claims).decode() or "none", part))
	titles = [li.text or "" for t in tree.iter("{%s}title" % ns["dc"]) for li in t.iter("{%s}li" % ns["rdf"])]
	info = pdf.value(pdf.trailer.get("Info")) or {}
	ititle = text_string(pdf.value(info.get("Title")))
	if ititle and titles != [ititle]:
		out.append("%s: the XMP's title %r is not the Info dictionary's %r" % (path, titles, ititle))
	intents = pdf.value(root.get("OutputIntents")) or []
	ok = False
	for i in intents:
		i = pdf.value(i)
		prof = i.get("DestOutputProfile")
		if i.get("S") == "GTS_PDFA1" and prof is not None:
			pd, pb = pdf.get(prof)
			ok = pd.get("N") == 3 and pb is not None and pb[36:40] == b"acsp"
	if not ok:
		out.append("%s: no /GTS_PDFA1 output intent with an RGB ICC profile" % path)
	ident = pdf.value(pdf.trailer.get("ID"))
	if not (isinstance(ident, list) and len(ident) == 2 and all(isinstance(x, bytes) and x for x in ident)):
		out.append("%s: the trailer has no /ID of two strings" % path)


def main(argv):
	claim = header = None
	files = []
	i = 0
	while i < len(argv):
		if argv[i] == "--claim":
			claim = argv[i + 1]
			i += 2
		elif argv[i] == "--header":
			header = argv[i + 1]
			i += 2
		else:
			files.append(argv[i])
			i += 1
	if not files or (claim and not re.fullmatch(r"[1-4][abuABU]", claim)):
		print(__doc__.split("\n\n")[1], file=sys.stderr)
		return 2
	problems = []
	for path in files:
		out = []
		try:
			data = open(path, "rb").read()
			if header and not re.match(rb"%%PDF-%s\r?\n" % re.escape(header.encode()), data):
				out.append("%s: the header is %r, not %%PDF-%s" % (path, data[:8].decode("latin-1"), header))
			pdf = Pdf(data)
			nfonts, nglyphs = check_glyphs(pdf, path, out, int(claim[0]) if claim else 0)
			if claim:
				check_claim(pdf, path, claim, out)
		except (PdfError, zlib.error, ValueError, KeyError, IndexError, TypeError, OSError) as e:
			out.append("%s: cannot be read here: %s" % (path, e))
			nfonts = nglyphs = 0
		if out:
			problems += out
		else:
			print("%s: %d fonts, %d glyphs, every one mapped to Unicode%s" %
			    (path, nfonts, nglyphs, "; PDF/A-%s claimed alone" % claim if claim else ""))
	for p in problems:
		print(p)
	return 1 if problems else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
