/*
 * areas.c - the library of CRM benefit areas (crmroi/areas.h): the drivers
 * and benefit lines of each area, with typical values for a mid-sized
 * company and where a company finds its own figures.
 *
 * The figures are those of the example files scenarios/areas/NAME.csv
 * (tests/unit/test_areas.c holds the two together): change a value, a range
 * or a formula here and there at once. The words (units, owners, notes) are
 * this file's own. Input names and benefit labels are unique in the whole
 * library, so that any set of areas makes one scenario.
 *
 * It is data, and the lookups over it; it writes no scenario (starter.c).
 */
#include "crmroi/areas.h"

#include <string.h>

#define N(a) (sizeof (a) / sizeof *(a))

/* ------------------------------------------------------------ lead management */

static const crm_area_input lead_inputs[] = {
	{ "leads_per_year", "12000", "10000", "14000", NULL, "count", "Marketing",
	  "Leads captured in the last 12 months: the marketing automation or CRM lead report",
	  "Leads per year" },
	{ "conversion_uplift", "0.5%", "0.2%", "0.8%", "pert", "percent", "Sales operations",
	  "Extra share of leads that become customers: a pilot group against a control group, "
	  "or vendor reference cases; a fraction of a percentage point is typical",
	  "Lead conversion uplift" },
	{ "margin_per_deal", "4200", "3600", "4800", NULL, "currency", "Finance",
	  "Gross margin of an average first order (finance)",
	  "Margin per deal" },
};

static const crm_area_benefit lead_benefits[] = {
	{ "Extra deals from faster follow-up", "leads_per_year * conversion_uplift * margin_per_deal",
	  0, 6, "linear", NULL, "cash", 1, "Head of sales", "Lead-to-deal conversion",
	  "Full effect after the routing rules settle" },
};

/* ----------------------------------------------------- opportunity management */

static const crm_area_input opportunity_inputs[] = {
	{ "opportunities", "1800", "1500", "2100", NULL, "count", "Sales operations",
	  "Deals that reached proposal stage in the last 12 months: the CRM or spreadsheet "
	  "pipeline",
	  "Opportunities per year" },
	{ "win_rate_uplift", "2%", "1%", "3.5%", "pert", "percent", "VP sales",
	  "Percentage points of win rate gained: teams before and after, or a pilot team "
	  "against the others",
	  "Win-rate uplift" },
	{ "margin_per_won_deal", "9500", "8000", "11000", NULL, "currency", "Finance",
	  "Gross margin of an average won deal (finance)",
	  "Margin per won deal" },
	{ "reps", "40", NULL, NULL, NULL, "count", "Sales operations",
	  "Sales reps who report on their pipeline (HR)",
	  "Sales reps" },
	{ "reporting_hours_saved", "1.5", "0.5", "2.5", NULL, "hours", "Sales operations",
	  "Hours a week each rep no longer spends on status reports: a time study or a survey "
	  "of reps",
	  "Reporting hours saved per rep and week" },
	{ "rep_hourly_cost", "70", NULL, NULL, NULL, "currency", "Finance",
	  "Loaded cost of an hour of a sales rep (HR or finance)",
	  "Sales rep hourly cost" },
};

static const crm_area_benefit opportunity_benefits[] = {
	{ "Deals won from better pipeline work",
	  "opportunities * win_rate_uplift * margin_per_won_deal",
	  0, 9, "linear", NULL, "cash", 1, "VP sales", "Win rate", NULL },
	{ "Selling time no longer spent on reports",
	  "reps * reporting_hours_saved * 46 * rep_hourly_cost",
	  0, 3, "linear", NULL, "productivity", 1, "Sales operations", "Hours on reporting",
	  "46 working weeks a year; hours are worth money only when spent selling" },
};

/* ------------------------------------------------------------- configurator */

static const crm_area_input configurator_inputs[] = {
	{ "quotes_per_year", "5000", "4000", "6000", NULL, "count", "Sales operations",
	  "Quotes written in the last 12 months: the ERP or quoting tool",
	  "Quotes per year" },
	{ "hours_saved_per_quote", "0.75", "0.5", "1.25", "pert", "hours", "Sales operations",
	  "Hours of quote preparation saved per quote: a time study before and after",
	  "Hours saved per quote" },
	{ "quote_staff_hourly_cost", "60", NULL, NULL, NULL, "currency", "Finance",
	  "Loaded cost of an hour of the staff who prepare quotes (HR or finance)",
	  "Quoting staff hourly cost" },
	{ "errors_avoided", "90", "50", "130", NULL, "count", "Quality manager",
	  "Orders a year corrected, credited or returned because of a wrong configuration "
	  "(quality or service records)",
	  "Order errors avoided per year" },
	{ "cost_per_error", "1500", "900", "2500", "lognormal", "currency", "Finance",
	  "Rework, freight and write-offs of one such order (finance)",
	  "Cost per order error" },
};

static const crm_area_benefit configurator_benefits[] = {
	{ "Faster quote preparation", "quotes_per_year * hours_saved_per_quote * quote_staff_hourly_cost",
	  0, 6, "linear", "10%", "productivity", 1, "Sales operations", "Hours per quote", NULL },
	{ "Configuration errors avoided", "errors_avoided * cost_per_error",
	  0, 9, "linear", "20%", "cost_reduction", 1, "Quality manager",
	  "Orders corrected for a wrong configuration", NULL },
};

/* ------------------------------------------------------- proposal generation */

static const crm_area_input proposal_inputs[] = {
	{ "proposals_per_year", "600", "500", "750", NULL, "count", "Bid manager",
	  "Proposals written in the last 12 months: the bid register or document management "
	  "system",
	  "Proposals per year" },
	{ "hours_saved", "6", "3", "9", "pert", "hours", "Bid manager",
	  "Hours saved per proposal with templates and approved content: a time study before "
	  "and after",
	  "Hours saved per proposal" },
	{ "bid_hourly_cost", "85", NULL, NULL, NULL, "currency", "Finance",
	  "Loaded cost of an hour of a sales engineer or bid manager (HR)",
	  "Bid team hourly cost" },
};

static const crm_area_benefit proposal_benefits[] = {
	{ "Proposal writing time saved", "proposals_per_year * hours_saved * bid_hourly_cost",
	  0, 3, "linear", NULL, "productivity", 1, "Bid manager", "Hours per proposal", NULL },
};

/* -------------------------------------------------------------- team selling */

static const crm_area_input team_inputs[] = {
	{ "key_account_deals", "120", "90", "150", NULL, "count", "Key account director",
	  "Deals a year worked by more than one person: the pipeline",
	  "Key-account deals per year" },
	{ "key_account_win_uplift", "3%", "1%", "5%", "pert", "percent", "Key account director",
	  "Percentage points of win rate gained on those deals, from a pilot account team",
	  "Key-account win-rate uplift" },
	{ "margin_per_key_account_deal", "40000", "30000", "50000", NULL, "currency", "Finance",
	  "Gross margin of an average key-account deal (finance)",
	  "Margin per key-account deal" },
	{ "team_members", "25", NULL, NULL, NULL, "count", "Key account director",
	  "People in account teams",
	  "Account team members" },
	{ "meeting_hours", "1", "0.5", "2", NULL, "hours", "Key account director",
	  "Hours a week each team member spends on internal coordination: a survey",
	  "Weekly coordination hours per member" },
	{ "account_team_hourly_cost", "90", NULL, NULL, NULL, "currency", "Finance",
	  "Loaded cost of an hour of an account team member (HR)",
	  "Account team hourly cost" },
};

static const crm_area_benefit team_benefits[] = {
	{ "Large deals won by account teams",
	  "key_account_deals * key_account_win_uplift * margin_per_key_account_deal",
	  3, 6, "linear", NULL, "cash", 1, "Key account director", "Key-account win rate", NULL },
	{ "Less internal coordination",
	  "team_members * meeting_hours * 46 * account_team_hourly_cost",
	  0, 3, "linear", NULL, "productivity", 1, "Key account director",
	  "Coordination hours a week", "46 working weeks a year" },
};

/* ------------------------------------------------------- campaign management */

static const crm_area_input campaign_inputs[] = {
	{ "campaign_budget", "800000", NULL, NULL, NULL, "currency", "Marketing",
	  "Yearly budget of direct and digital campaigns (marketing)",
	  "Campaign budget" },
	{ "efficiency_gain", "8%", "4%", "12%", NULL, "percent", "Marketing",
	  "Share of the budget no longer spent on prospects who do not respond: A/B tests",
	  "Campaign efficiency gain" },
	{ "extra_responses", "1500", "800", "2200", NULL, "count", "Marketing",
	  "Responses a year above a holdout group's rate",
	  "Extra campaign responses" },
	{ "response_conversion", "4%", "3%", "5%", NULL, "percent", "Sales operations",
	  "Share of responses that become a deal (CRM campaign report)",
	  "Response conversion" },
	{ "margin_per_campaign_deal", "3500", NULL, NULL, NULL, "currency", "Finance",
	  "Gross margin of an average deal from a campaign (finance)",
	  "Margin per campaign deal" },
};

static const crm_area_benefit campaign_benefits[] = {
	{ "Campaign spend saved", "campaign_budget * efficiency_gain",
	  0, 6, "linear", NULL, "cost_reduction", 1, "Marketing", "Cost per response", NULL },
	{ "Deals from extra responses",
	  "extra_responses * response_conversion * margin_per_campaign_deal",
	  3, 6, "linear", NULL, "cash", 1, "Marketing", "Campaign response rate", NULL },
};

/* --------------------------------------------------------------- call centre */

static const crm_area_input call_center_inputs[] = {
	{ "contacts_per_year", "250000", "220000", "280000", NULL, "count", "Service manager",
	  "Calls, e-mails and chats handled in the last 12 months: the telephony or ticketing "
	  "system",
	  "Service contacts per year" },
	{ "minutes_saved", "0.8", "0.4", "1.2", "pert", "minutes per contact", "Service manager",
	  "Average handling time saved per contact, in minutes: the pilot team before and "
	  "after",
	  "Minutes saved per contact" },
	{ "cost_per_minute", "0.75", NULL, NULL, NULL, "currency", "Finance",
	  "Loaded cost of a productive agent minute (finance or HR)",
	  "Agent cost per minute" },
};

static const crm_area_benefit call_center_benefits[] = {
	{ "Shorter handling time", "contacts_per_year * minutes_saved * cost_per_minute",
	  0, 6, "linear", NULL, "productivity", 1, "Service manager", "Average handling time",
	  NULL },
};

/* -------------------------------------------------------------- self-service */

static const crm_area_input self_service_inputs[] = {
	{ "answerable_contacts", "250000", "220000", "280000", NULL, "count", "Service manager",
	  "Contacts a year about the questions the portal answers (call centre volume by "
	  "reason)",
	  "Contacts self-service can answer" },
	{ "deflection", "12%", "6%", "18%", "pert", "percent", "Service manager",
	  "Share of those contacts resolved in the portal: portal analytics, or similar "
	  "portals' published results",
	  "Deflection rate" },
	{ "cost_per_contact", "6.5", "5", "8", NULL, "currency", "Finance",
	  "Fully loaded cost of a contact handled by an agent (finance)",
	  "Cost per assisted contact" },
};

static const crm_area_benefit self_service_benefits[] = {
	{ "Contacts deflected to the portal", "answerable_contacts * deflection * cost_per_contact",
	  0, 12, "scurve", NULL, "cost_reduction", 0, "Service manager", "Deflection rate",
	  "Customers take to a portal slowly: an S-curve over a year" },
};

/* ------------------------------------------------------------- field service */

static const crm_area_input field_inputs[] = {
	{ "jobs_per_year", "14000", "12000", "16000", NULL, "count", "Service director",
	  "Service jobs in the last 12 months: the service management or dispatch system",
	  "Service jobs per year" },
	{ "first_fix_uplift", "5%", "2%", "8%", "pert", "percent", "Service director",
	  "Percentage points more jobs fixed on the first visit: service KPIs before and after "
	  "a pilot region",
	  "First-time-fix uplift" },
	{ "repeat_visit_cost", "320", "260", "400", NULL, "currency", "Finance",
	  "Cost of a repeat visit: travel, technician time, parts logistics (finance)",
	  "Cost of a repeat visit" },
	{ "travel_hours_saved", "0.25", "0.1", "0.4", NULL, "hours", "Dispatch lead",
	  "Driving hours saved per job by route planning: dispatch data",
	  "Travel hours saved per job" },
	{ "technician_hourly_cost", "55", NULL, NULL, NULL, "currency", "Finance",
	  "Loaded cost of a technician's hour (HR)",
	  "Technician hourly cost" },
};

static const crm_area_benefit field_benefits[] = {
	{ "Repeat visits avoided", "jobs_per_year * first_fix_uplift * repeat_visit_cost",
	  0, 9, "linear", NULL, "cost_reduction", 1, "Service director", "First-time fix rate",
	  NULL },
	{ "Travel time saved", "jobs_per_year * travel_hours_saved * technician_hourly_cost",
	  0, 6, "linear", NULL, "productivity", 1, "Dispatch lead", "Jobs per technician-day",
	  NULL },
};

/* ---------------------------------------------------------------- e-commerce */

static const crm_area_input ecommerce_inputs[] = {
	{ "extra_online_orders", "2500", "1500", "3500", NULL, "count", "E-commerce manager",
	  "New orders a year placed online: web analytics and the order system",
	  "Extra online orders per year" },
	{ "margin_per_order", "180", "150", "210", NULL, "currency", "Finance",
	  "Gross margin of an average order (finance)",
	  "Margin per online order" },
	{ "orders_shifted", "9000", "6000", "12000", NULL, "count", "Inside sales manager",
	  "Orders a year that inside sales used to key in and customers now place online",
	  "Orders moved online" },
	{ "cost_per_manual", "12", "9", "15", NULL, "currency", "Finance",
	  "Order desk cost of an order keyed by hand (finance or a time study)",
	  "Cost per manual order" },
};

static const crm_area_benefit ecommerce_benefits[] = {
	{ "Margin on extra online orders", "extra_online_orders * margin_per_order",
	  0, 12, "linear", NULL, "cash", 0, "E-commerce manager", "Online orders", NULL },
	{ "Order desk work saved", "orders_shifted * cost_per_manual",
	  0, 6, "linear", NULL, "productivity", 0, "Inside sales manager",
	  "Share of orders placed online", NULL },
};

/* ----------------------------------------------------------- partner channel */

static const crm_area_input partner_inputs[] = {
	{ "partner_revenue", "6000000", NULL, NULL, NULL, "currency", "Channel director",
	  "Revenue sold through partners last year (finance)",
	  "Partner revenue" },
	{ "revenue_uplift", "3%", "1%", "5%", "pert", "percent", "Channel director",
	  "Growth of partners who use the portal against those who do not",
	  "Partner revenue uplift" },
	{ "channel_margin", "22%", "18%", "26%", NULL, "percent", "Finance",
	  "Our gross margin on revenue sold by partners (finance)",
	  "Channel margin" },
	{ "channel_managers", "6", NULL, NULL, NULL, "count", "Channel director",
	  "Channel managers who look after the partners",
	  "Channel managers" },
	{ "hours_saved_weekly", "3", "1", "5", NULL, "hours", "Channel director",
	  "Hours a week each channel manager no longer spends chasing deal registrations and "
	  "reports: a survey",
	  "Hours saved per manager and week" },
	{ "channel_manager_hourly_cost", "80", NULL, NULL, NULL, "currency", "Finance",
	  "Loaded cost of an hour of a channel manager (HR)",
	  "Channel manager hourly cost" },
};

static const crm_area_benefit partner_benefits[] = {
	{ "Extra partner-sold margin", "partner_revenue * revenue_uplift * channel_margin",
	  3, 12, "linear", NULL, "cash", 0, "Channel director", "Partner revenue growth", NULL },
	{ "Channel manager time saved",
	  "channel_managers * hours_saved_weekly * 46 * channel_manager_hourly_cost",
	  0, 3, "linear", NULL, "productivity", 1, "Channel director",
	  "Hours on partner administration", "46 working weeks a year" },
};

/* ------------------------------------------------------------------ library */

#define AREA(name, words, title, models, setup, in, ben) \
	{ name, words, title, models, setup, in, N(in), ben, N(ben) }

/* In the order of crmroi-scenario(5): selling, marketing, service, channels. */
static const crm_area areas[] = {
	AREA("lead_management", "lead management", "Lead management: scoring and routing",
	     "More leads become customers because they are scored, routed and followed up on "
	     "time.", "45000", lead_inputs, lead_benefits),
	AREA("opportunity_management", "opportunity management",
	     "Opportunity management: pipeline and win rate",
	     "A shared pipeline, sales stages and coaching lift the win rate, and reps spend less "
	     "time on status reports.", "80000", opportunity_inputs, opportunity_benefits),
	AREA("configurator", "configurator", "Configurator and CPQ",
	     "Quotes are configured, priced and written faster, and wrong configurations stop "
	     "becoming costly orders.", "120000", configurator_inputs, configurator_benefits),
	AREA("proposal_generation", "proposal generation", "Proposal generation",
	     "Proposals are assembled from approved content instead of written from scratch.",
	     "35000", proposal_inputs, proposal_benefits),
	AREA("team_selling", "team selling", "Team selling",
	     "Account teams share plans and contacts, so large deals close more often and fewer "
	     "hours go into internal coordination.", "30000", team_inputs, team_benefits),
	AREA("campaign_management", "campaign management", "Campaign management",
	     "Segmented, measured campaigns spend the same budget on the prospects who respond, "
	     "and the extra responses become deals.", "40000", campaign_inputs, campaign_benefits),
	AREA("call_center", "call centre", "Call centre: customer history at the agent's desk",
	     "Agents see the customer's history and resolve contacts faster.", "45000",
	     call_center_inputs, call_center_benefits),
	AREA("self_service", "self-service", "Self-service portal",
	     "Customers find answers in a portal instead of calling.", "90000",
	     self_service_inputs, self_service_benefits),
	AREA("field_service", "field service", "Field service: first-time fix and travel",
	     "Technicians arrive with the right parts and the job history: more jobs are fixed "
	     "on the first visit and less time is spent driving.", "110000", field_inputs,
	     field_benefits),
	AREA("ecommerce", "e-commerce", "B2B e-commerce",
	     "Customers order online with their own prices and history: extra orders, and "
	     "fewer orders keyed by hand.", "150000", ecommerce_inputs, ecommerce_benefits),
	AREA("partner_channel", "partner channel", "Partner relationship management",
	     "Partners register deals, get leads and see their pipeline in a portal: they sell "
	     "more and channel managers spend less time chasing.", "60000", partner_inputs,
	     partner_benefits),
};

size_t crm_areas_count(void)
{
	return N(areas);
}

const crm_area *crm_areas_at(size_t i)
{
	return i < N(areas) ? &areas[i] : NULL;
}

const crm_area *crm_areas_find(const char *name)
{
	for (size_t i = 0; i < N(areas); i++)
		if (!strcmp(areas[i].name, name))
			return &areas[i];
	return NULL;
}
