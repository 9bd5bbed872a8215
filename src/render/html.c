/*
 * html.c - the business-case document for a CEO, a CFO and a steering board.
 *
 * One self-contained HTML file: the style sheet is inline, charts are inline
 * SVG drawn by chart.c, there is no script and no reference to anything
 * outside the file. Print CSS sets the paper size, page breaks between
 * sections and page numbers, so any browser prints it as the PDF the board
 * reads. The same inputs give the same bytes.
 *
 * The document is the table `sections` below: each entry is a function that
 * writes one <section> (or nothing, when it does not apply). A new section is
 * one function and one entry. This file holds the skeleton (head, style
 * sheet, the table, the footer); the sections are in html_summary.c,
 * html_track.c, html_budget.c, html_decision.c, html_risk.c,
 * html_options.c, html_method.c, html_register.c and assess_html.c, the
 * charts in html_charts.c, what they share in html_base.c. Numbers come from the
 * structs the core returned; nothing here computes a metric.
 */
#include "html_priv.h"

typedef int (*section_fn)(const html_doc *d, FILE *fp);

/* The document, in order. Each function writes its section, or nothing (returns 0). */
static const struct { const char *name; section_fn fn; } sections[] = {
	{ "decision", html_sec_decision },          /* executive summary and recommendation */
	{ "realisation", html_sec_realisation },    /* with actuals: plan against actuals */
	{ "budget", html_sec_budget },              /* the decision requested, P&L, timeline */
	{ "options", html_sec_options },            /* several scenarios, like with like */
	{ "plan", html_sec_plan },                  /* the roll-out plan of the areas */
	{ "years", html_sec_years },                /* financial summary, tax */
	{ "risk", html_sec_risk },                  /* risks and mitigations, sensitivity */
	{ "benefits", html_sec_benefits },
	{ "costs", html_sec_costs },
	{ "flexibility", html_sec_flexibility },    /* what NPV leaves out */
	{ "readiness", html_readiness_section },
	{ "method", html_sec_method },              /* methodology and glossary */
	{ "assumptions", html_sec_assumptions },    /* appendix: the register */
};

static const char css[] =
	"body{font-family:\"Helvetica Neue\",Helvetica,Arial,\"Nimbus Sans\",\"Liberation Sans\","
	"\"DejaVu Sans\",sans-serif;font-size:10pt;line-height:1.4;color:#1d232b;margin:0 auto;"
	"max-width:190mm;padding:8mm;}\n"
	"@media print{body{max-width:none;padding:0}}\n"
	"h1{font-size:22pt;line-height:1.15;margin:2mm 0 2mm;color:#1f4e79;font-weight:700}\n"
	"h2{font-size:15pt;color:#1f4e79;border-bottom:1.5pt solid #1f4e79;padding-bottom:1mm;"
	"margin:0 0 4mm}\n"
	"h3{font-size:11pt;margin:5mm 0 1.5mm;color:#1d232b;break-after:avoid}\n"
	"h3.category{font-size:12pt;color:#1f4e79;margin-top:7mm}\n"
	"p{margin:0 0 2.5mm}\n"
	/*
	 * Page 1 stands alone; every other section follows the one before it, so
	 * that no section ends on a page of its own: headings keep with what
	 * follows, and rows, blocks and charts are not split.
	 */
	"section{break-before:auto;margin-top:9mm}\nsection.first{margin-top:0}\n"
	"section.first+section{break-before:page;margin-top:0}\n"
	"section.cont{break-inside:avoid}\nh2{break-after:avoid}\n"
	"h2+*,h3+*{break-before:avoid}\ntr,li,dt,dd{break-inside:avoid}\n"
	"thead{display:table-header-group}\ntr.group{break-after:avoid}\n"
	".nw{white-space:nowrap}\n"
	"table.headline th{white-space:nowrap}\n.headline td,.headline th{padding:.45mm 1.6mm}\n"
	"ul.findings{font-size:8.5pt;line-height:1.25}\n#decision h3{margin-top:2.5mm}\n"
	"#decision h1{font-size:19pt}\n#decision{font-size:9pt;line-height:1.3}\n"
	"#decision .ask,#decision .recommend{font-size:9.5pt}\n#decision p{margin-bottom:2mm}\n"
	".kicker{text-transform:uppercase;letter-spacing:.12em;font-size:8pt;color:#5b6770;"
	"margin:0}\n"
	".meta{color:#5b6770;margin-bottom:4mm}\n"
	".cover{border-bottom:1pt solid #c9d1d9;margin-bottom:3mm}\n"
	".ask{font-size:10.5pt}\n"
	".status{border-left:3pt solid #5b6770;background:#f2f5f8;padding:1mm 4mm;margin:0 0 3mm}\n"
	".status.bad{border-color:#b03a2e;background:#fbeeec}\n"
	".status.warn{border-color:#b7791f;background:#fdf6e7}\n"
	".status.ok{border-color:#2f7d4f;background:#edf7f0}\n"
	".statusline{font-size:12pt}\n"
	"ul.findings{margin:0 0 2mm;padding-left:5mm}\nul.findings li{margin-bottom:1.2mm}\n"
	".recommend{font-size:10.5pt;border-top:1pt solid #c9d1d9;padding-top:2mm}\n"
	"tr.sub th{padding-left:5mm;color:#3c4650}\ntr.sub td{color:#3c4650}\n"
	".ci{color:#6b7680;font-size:7.5pt}\n"
	"table.risks{width:100%;font-size:8pt}\ntable.risks td{white-space:normal}\n"
	"ul.method li{margin-bottom:1.5mm}\ntable.gated tbody th{min-width:38mm}\n"
	"dl.glossary{font-size:8.5pt}\ntable.num.recon{width:auto;font-size:7.5pt}\n"
	".cols{display:flex;gap:6mm;align-items:flex-start}\n.cols>div:first-child{flex:1.7}\n"
	".side{flex:1}\n.side>p.small{margin-top:2mm}\n"
	".riskbox{background:#f2f5f8;border-left:3pt solid #1f4e79;padding:1mm 4mm 2mm}\n"
	".riskbox table{width:100%}\n"

	".small{font-size:8pt;color:#5b6770}\n"
	"table{border-collapse:collapse;margin:2mm 0 4mm;font-size:8.5pt;break-inside:avoid}\n"
	"table.num{width:100%}\n table.wide{font-size:7pt}\n"
	"caption{text-align:left;font-weight:700;font-size:9pt;padding-bottom:1mm;color:#1d232b}\n"
	"th,td{padding:.7mm 1.6mm;vertical-align:top}\n"
	"thead th{border-bottom:1pt solid #1d232b;font-weight:700;text-align:left}\n"
	"tbody th{text-align:left;font-weight:400}\n"
	".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.total th,tr.total td{font-weight:700;border-top:.6pt solid #1d232b}\n"
	"tr.key th,tr.key td{font-weight:700}\n"
	"tr.group th{font-weight:700;color:#1f4e79;padding-top:2mm}\n"
	"tr.input th,tr.input td{color:#3c4650}\n"
	"tbody tr{border-bottom:.4pt solid #e3e7eb}\n"
	".headline td{font-size:9.5pt}\n"
	".src{display:block;font-size:7pt;color:#6b7680}\n"
	"table.reg{width:100%;font-size:7.5pt;break-inside:auto}\n"
	".line{break-inside:avoid;margin-bottom:3mm}\n"
	".formula{font-size:9pt}\n"
	".facts{font-size:8.5pt;color:#3c4650}\n.facts span{margin-right:6mm}\n"
	"svg.chart{width:100%;height:auto;display:block;margin:2mm 0 4mm;break-inside:avoid;"
	"font-family:inherit}\n"
	"ul.diff li{margin-bottom:1mm}\n"
	"dl.options{display:grid;grid-template-columns:max-content 1fr;gap:.5mm 4mm;"
	"font-size:9pt}\ndl.options dt{font-weight:700}\ndl.options dd{margin:0}\n";

void html_document(const html_doc *d, FILE *fp)
{
	const char *title = d->title && d->title[0] ? d->title : html_case_title(&d->cases[0]);

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", fp);
	fputs("<meta name=\"generator\" content=\"crmroi " CRMROI_VERSION "\">\n<title>", fp);
	html_text(fp, title);
	fputs("</title>\n<style>\n", fp);
	fprintf(fp, "@page{size:%s;margin:16mm 15mm 18mm 15mm;"
		"@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);"
		"font-size:8pt;color:#5b6770}}\n", d->letter ? "letter" : "A4");
	fputs(css, fp);
	fputs("</style>\n</head>\n<body>\n", fp);
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
		sections[i].fn(d, fp);
	fputs("</body>\n</html>\n", fp);
}
