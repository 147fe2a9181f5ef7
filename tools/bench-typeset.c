/* bench-typeset.c - typesetting speed: school-report-like documents on N
 * threads (pages per second), and one 3,000-row table (seconds). PDFs are
 * built in memory (pdf_render), not written to disk. Prints the median of
 * the runs and the peak resident memory.
 *
 * usage: bench-typeset [-j THREADS] [-n DOCS] [-r RUNS] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "config/settings.h"
#include "core/arena.h"
#include "core/diag.h"
#include "doc/doc.h"
#include "render/render.h"

static const char *const PARA =
	"สำนักงานเขตพื้นที่การศึกษา เป็นหน่วยงานทางการศึกษาที่ทำหน้าที่ในการ กำกับ ติดตามประเมินผล และนิเทศการศึกษา "
	"สถานศึกษาขั้นพื้นฐาน ซึ่งในการกำกับ ดูแลใช้กระบวนการนิเทศการศึกษาเป็นกระบวนการที่เสริมคุณภาพของการจัดการเรียน"
	"การสอน การปฏิบัติการนิเทศการศึกษาจึงเป็นการปฏิบัติงานที่มุ่งสนับสนุนความสามารถของครูให้สามารถจัดกิจกรรมการเรียน"
	"การสอนที่ส่งผลต่อการเรียนรู้ของนักเรียนอย่างแท้จริง (Educational quality policies) 8+4";

static Settings S;

/* About four A4 pages: headings, paragraphs, a list and a 60-row table. */
static Doc *
report_doc(Arena *a, int school)
{
	Doc *d = doc_new(a);
	d->title = "รายงานผลการนิเทศรายโรงเรียน";
	d->header_text = "สพป.พัทลุง เขต 2  ปีงบประมาณ 2558";
	d->number_headings = 1;
	doc_heading(d, 1, NULL, arena_printf(a, "โรงเรียนบ้านควนประกอบ รหัส 930100%02d", school % 100));
	for (int i = 0; i < 4; i++)
		doc_para(d, PARA)->u.para.indent_mm = 12;
	DocBlock *l = doc_list(d, 1);
	for (int i = 0; i < 5; i++)
		doc_list_item(d, l, "ศึกษานิเทศก์ติดตามการดำเนินงานตามนโยบาย ๘+๔ ของโรงเรียน");
	doc_heading(d, 1, NULL, "ผลการนิเทศ");
	DocBlock *t = doc_table(d, 5);
	doc_table_column(t, 0, 12, DOC_ALIGN_CENTER);
	doc_table_column(t, 2, 0, DOC_ALIGN_RIGHT);
	doc_table_column(t, 3, 0, DOC_ALIGN_RIGHT);
	DocRow *h = doc_table_row(d, t, DOC_ROW_HEADER);
	doc_row_cell(d, h, "ที่");
	doc_row_cell(d, h, "รายการประเมิน");
	doc_row_cell(d, h, "x̄");
	doc_row_cell(d, h, "S.D.");
	doc_row_cell(d, h, "ระดับความพึงพอใจ");
	for (int i = 0; i < 60; i++) {
		DocRow *r = doc_table_row(d, t, DOC_ROW_BODY);
		r->shaded = i % 2;
		doc_row_cell(d, r, arena_printf(a, "%d", i + 1));
		doc_row_cell(d, r, i % 3 ? "การวางแผนการนิเทศร่วมกับโรงเรียน" :
			"ความรู้ความสามารถของผู้นิเทศและประโยชน์ที่ได้รับจากการนิเทศ ติดตาม");
		doc_row_cell(d, r, arena_printf(a, "4.%02d", (i * 7 + school) % 100));
		doc_row_cell(d, r, "0.62");
		doc_row_cell(d, r, "มากที่สุด");
	}
	for (int i = 0; i < 3; i++)
		doc_para(d, PARA);
	return d;
}

typedef struct Job {
	int first, count;
	long pages;
	size_t bytes;
} Job;

static void *
worker(void *arg)
{
	Job *j = arg;
	Diag *d = diag_new(stderr);
	for (int i = 0; i < j->count; i++) {
		Arena *a = arena_new();
		Doc *doc = report_doc(a, j->first + i);
		unsigned char *pdf;
		size_t len;
		if (render_to_memory(doc, &S, 1443571200, &pdf, &len, d) == 0) {
			j->bytes += len;
			/* count pages: each page object has "/Type /Page\n" or "/Type /Page " */
			for (size_t k = 0; k + 11 < len; k++)
				if (memcmp(pdf + k, "/Type /Page", 11) == 0 && pdf[k + 11] != 's')
					j->pages++;
		}
		free(pdf);
		arena_free(a);
	}
	diag_free(d);
	return NULL;
}



int
main(int argc, char **argv)
{
	int threads = 2, docs = 200, runs = 5, opt;
	while ((opt = getopt(argc, argv, "j:n:r:")) != -1) {
		char *end;
		long v = strtol(optarg, &end, 10);
		if (*end || v < 1 || v > 100000) {
			fprintf(stderr, "bench-typeset: -%c needs a number from 1 to 100000\n", opt);
			return 2;
		}
		if (opt == 'j')
			threads = (int)(v > 64 ? 64 : v);
		else if (opt == 'n')
			docs = (int)v;
		else if (opt == 'r')
			runs = (int)(v > 50 ? 50 : v);
		else
			return 2;
	}
	Settings *def = settings_defaults();
	S = *def;
	Diag *d = diag_new(stderr);
	/* Warm up: load the fonts and libthai once, as a real run does. */
	{
		Arena *a = arena_new();
		unsigned char *pdf;
		size_t len;
		if (render_to_memory(report_doc(a, 0), &S, 1443571200, &pdf, &len, d) != 0) {
			fprintf(stderr, "bench-typeset: cannot render (fonts missing? run make fonts)\n");
			return 1;
		}
		free(pdf);
		arena_free(a);
	}
	double rate[50], t3000[50];
	long pages = 0;
	size_t bytes = 0;
	for (int r = 0; r < runs; r++) {
		pthread_t th[64];
		Job jobs[64];
		double t0 = bench_now();
		for (int i = 0; i < threads; i++) {
			jobs[i] = (Job){ i * docs / threads, (i + 1) * docs / threads - i * docs / threads, 0, 0 };
			pthread_create(&th[i], NULL, worker, &jobs[i]);
		}
		pages = 0;
		bytes = 0;
		for (int i = 0; i < threads; i++) {
			pthread_join(th[i], NULL);
			pages += jobs[i].pages;
			bytes += jobs[i].bytes;
		}
		rate[r] = (double)pages / (bench_now() - t0);

		Arena *a = arena_new();
		Doc *doc = doc_new(a);
		DocBlock *t = doc_table(doc, 6);
		DocRow *h = doc_table_row(doc, t, DOC_ROW_HEADER);
		const char *hd[6] = { "ที่", "รหัส", "โรงเรียน", "อำเภอ", "ร้อยละ", "ระดับ" };
		for (int i = 0; i < 6; i++)
			doc_row_cell(doc, h, hd[i]);
		doc_table_column(t, 4, 0, DOC_ALIGN_RIGHT);
		for (int i = 0; i < 3000; i++) {
			DocRow *row = doc_table_row(doc, t, DOC_ROW_BODY);
			doc_row_cell(doc, row, arena_printf(a, "%d", i + 1));
			doc_row_cell(doc, row, arena_printf(a, "9301%04d", i));
			doc_row_cell(doc, row, i % 2 ? "บ้านควนประกอบ" : "บ้านควนโคกยา");
			doc_row_cell(doc, row, i % 3 ? "กงหรา" : "เขาชัยสน");
			doc_row_cell(doc, row, arena_printf(a, "%d.%02d", 50 + i % 50, i % 100));
			doc_row_cell(doc, row, "ดีเยี่ยม");
		}
		unsigned char *pdf;
		size_t len;
		double t1 = bench_now();
		render_to_memory(doc, &S, 1443571200, &pdf, &len, d);
		t3000[r] = bench_now() - t1;
		free(pdf);
		arena_free(a);
	}
	qsort(rate, (size_t)runs, sizeof rate[0], bench_cmp_double);
	qsort(t3000, (size_t)runs, sizeof t3000[0], bench_cmp_double);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("bench: %d threads, %d docs x %d runs, %ld pages per run (%.1f pages/doc), %.1f KB/doc\n",
		threads, docs, runs, pages, (double)pages / docs, (double)bytes / docs / 1024);
	printf("bench: report pages/s median %.0f (min %.0f, max %.0f)\n", rate[runs / 2], rate[0], rate[runs - 1]);
	printf("bench: 3000-row table median %.3f s (min %.3f, max %.3f)\n", t3000[runs / 2], t3000[0], t3000[runs - 1]);
	printf("bench: peak RSS %ld MB\n", ru.ru_maxrss / 1024);
	render_release();
	diag_free(d);
	settings_free(def);
	return 0;
}
