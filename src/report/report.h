/* report.h - what every composer of report/ is given, so that one table
 * (cli/reports.c) can name them all: the code of a new report is one entry
 * there plus its composer here (docs/extending.md). */
#ifndef NITHET_REPORT_H
#define NITHET_REPORT_H

#include "config/settings.h"
#include "core/arena.h"
#include "core/diag.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"

/* All borrowed; a composer reads them and writes nothing. */
typedef struct ReportInput {
	const Model *model;
	const Results *results;    /* as of the report's day */
	const Settings *settings;
	const Diag *diag;          /* what the run has said so far (the review lists it) */
	/* The one thing a report is about, when it is about one: */
	const Meeting *meeting;    /* a committee pack's meeting */
	const Meeting *previous;   /* the meeting before it, or NULL */
	const Results *before;     /* as of the previous meeting, or NULL */
	const School *school;      /* a school's report */
} ReportInput;

/* A report as a Doc in arena a (valid until a is freed). Pure. */
typedef Doc *(*ReportCompose)(Arena *a, const ReportInput *in);

#endif
