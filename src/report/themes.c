/* themes.c - the comments of visits and surveys as a reader wants them:
 * grouped into themes with counts, praise apart from suggestions, the most
 * frequent wording of each theme as its example, and no raw list of
 * hundreds of lines. Themes and praise words are the config's ([themes]). */
#include "report/themes.h"

#include <stdlib.h>
#include <string.h>

typedef struct Group {
	const char *name;
	long count;
	const char *example;       /* the most frequent comment of the group */
	long example_count;
} Group;

/* Whether text holds one of the n words. */
static int
has_word(const char *text, char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (*words[i] && strstr(text, words[i]))
			return 1;
	return 0;
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Each distinct comment once with its count, into group g (kept when more
 * frequent than g's example so far). */
static void
count_into(Group *g, const char *text, long times)
{
	g->count += times;
	if (times > g->example_count) {
		g->example = text;
		g->example_count = times;
	}
}

void
compose_themes(Compose *c, const char *const *texts, size_t n, const char *caption, const char *who)
{
	const Settings *s = c->s;
	/* The comments that say something, sorted so equal ones are adjacent. */
	const char **kept = arena_array(c->doc->arena, n + 1, sizeof *kept);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (texts[i] && *texts[i] && !compose_no_answer(c, texts[i]))
			kept[k++] = texts[i];
	if (k == 0) {
		doc_para(c->doc, fmt_printf(c, "%sไม่ได้เขียนความคิดเห็นหรือข้อเสนอแนะ", who));
		return;
	}
	qsort(kept, k, sizeof *kept, by_text);

	Group groups[SETTINGS_MAX_THEMES + 2] = { 0 };
	size_t ng = 0, map[SETTINGS_MAX_THEMES];
	for (size_t t = 0; t < SETTINGS_MAX_THEMES; t++)
		if (s->themes[t].name) {
			map[t] = ng;
			groups[ng++].name = s->themes[t].name;
		}
	size_t other = ng++, praise = ng++;
	groups[other].name = "อื่น ๆ";
	groups[praise].name = "คำชื่นชม";
	for (size_t i = 0; i < k;) {
		size_t j = i + 1;
		while (j < k && !strcmp(kept[j], kept[i]))
			j++;
		const char *text = kept[i];
		long times = (long)(j - i);
		size_t g = other;
		/* Praise first: "ขอบคุณ... ที่ให้คำแนะนำ" is thanks, not a theme. */
		if (has_word(text, s->praise_words, s->npraise_words)) {
			g = praise;
		} else {
			for (size_t t = 0; t < SETTINGS_MAX_THEMES && g == other; t++)
				if (s->themes[t].name && has_word(text, s->themes[t].words, s->themes[t].nwords))
					g = map[t];
		}
		count_into(&groups[g], text, times);
		i = j;
	}
	long suggestions = (long)k - groups[praise].count;
	doc_para(c->doc, groups[praise].count ? fmt_printf(c, "%sเขียนความคิดเห็น %s ข้อความ เป็นข้อเสนอแนะ %s ข้อความ "
	    "และคำชื่นชม %s ข้อความ ข้อเสนอแนะจัดกลุ่มตามประเด็นจากคำสำคัญในข้อความ ดังตาราง", who,
	    fmt_int(c, (long long)k), fmt_int(c, suggestions), fmt_int(c, groups[praise].count)) :
	    fmt_printf(c, "%sเขียนข้อเสนอแนะ %s ข้อความ จัดกลุ่มตามประเด็นจากคำสำคัญในข้อความ ดังตาราง", who,
	    fmt_int(c, (long long)k)))->u.para.indent_mm = 12.5;
	if (suggestions > 0) {
		/* Most frequent theme first; "อื่น ๆ" last whatever its count. */
		size_t order[SETTINGS_MAX_THEMES + 2], no = 0;
		for (size_t g = 0; g < other; g++)
			if (groups[g].count > 0)
				order[no++] = g;
		for (size_t a = 1; a < no; a++)
			for (size_t b = a; b > 0 && groups[order[b]].count > groups[order[b - 1]].count; b--) {
				size_t t = order[b];
				order[b] = order[b - 1];
				order[b - 1] = t;
			}
		if (groups[other].count > 0)
			order[no++] = other;
		compose_table_caption(c, caption);
		DocBlock *tb = compose_table(c, 14, "ประเด็น:44:l|จำนวนข้อความ:22:r|ร้อยละ:16:r|ข้อความที่พบบ่อยที่สุด:0:l");
		for (size_t i = 0; i < no; i++) {
			const Group *g = &groups[order[i]];
			compose_row(c, tb, DOC_ROW_BODY, 4, g->name, fmt_int(c, g->count), fmt_percent(c, g->count, suggestions),
			    g->example_count > 1 ? fmt_printf(c, "“%s” (%s ข้อความ)", g->example, fmt_int(c, g->example_count)) :
			    fmt_printf(c, "“%s”", g->example));
		}
		compose_row(c, tb, DOC_ROW_TOTAL, 4, "รวมข้อเสนอแนะ", fmt_int(c, suggestions), fmt_percent(c, suggestions,
		    suggestions), "");
		doc_para(c->doc, fmt_printf(c, "ร้อยละคิดจากข้อเสนอแนะ %s ข้อความ", fmt_int(c, suggestions)))->u.para.size = 14;
	}
	if (groups[praise].count > 0)
		doc_para(c->doc, fmt_printf(c, "คำชื่นชม %s ข้อความ เช่น “%s”", fmt_int(c, groups[praise].count),
		    groups[praise].example))->u.para.indent_mm = 12.5;
}
