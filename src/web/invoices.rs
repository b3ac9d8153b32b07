//! Invoices: issued from the reservation page (`POST /reservations/{id}/invoices`), read
//! and printed (`/invoices/{id}`, with a print stylesheet for A4 and US Letter), listed per
//! hotel with a search and a CSV export (`/invoices`), and credited
//! (`POST /invoices/{id}/credit`). The rules are `stays::invoicing`'s.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::TenantCtx;
use super::forms::{self, FieldErrors};
use super::pages::{ok, see_other, Chrome};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::invoices::{Invoice, InvoiceLine};
use crate::domain::money;
use crate::domain::{CompanyId, FolioEntryId, HotelId, InvoiceId, InvoiceKind, ReservationId};
use crate::i18n::Msg;
use crate::stays::{self, BillTo, Issue};
use crate::web::error::AppError;

/// The issue form: `entry_<id>` checkboxes (none ticked: every open entry), and the
/// bill-to (`guest`, `company` with `company`, or `new` with the company's fields).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct IssueForm {
    pub bill_to: String,
    pub company: String,
    pub company_name: String,
    pub company_tax_id: String,
    pub company_address: String,
    pub company_email: String,
    #[serde(flatten)]
    pub rest: HashMap<String, String>,
}

impl IssueForm {
    /// The invoice to issue, or a message per field that is wrong (`company`,
    /// `company_name`); the form is then shown again as typed.
    pub fn issue(&self, reservation: ReservationId) -> Result<Issue, FieldErrors> {
        let mut errors = FieldErrors::default();
        let bill_to = match self.bill_to.trim() {
            "company" => match self.company.trim().parse::<CompanyId>() {
                Ok(company) => BillTo::Company(company),
                Err(_) => {
                    errors.add("company", Msg::new("invoice-choose-company"));
                    BillTo::Guest
                }
            },
            "new" => BillTo::NewCompany(super::companies::fields(
                &mut errors,
                [
                    ("company_name", &self.company_name),
                    ("company_tax_id", &self.company_tax_id),
                    ("company_address", &self.company_address),
                    ("company_email", &self.company_email),
                ],
            )),
            _ => BillTo::Guest,
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let entries = self.entries();
        Ok(Issue { reservation, entries: (!entries.is_empty()).then_some(entries), bill_to })
    }

    /// The entries ticked.
    fn entries(&self) -> Vec<FolioEntryId> {
        self.rest.keys().filter_map(|k| k.strip_prefix("entry_")).filter_map(|id| id.parse().ok()).collect()
    }

    /// Whether entry `id` was ticked.
    pub fn ticked(&self, id: &FolioEntryId) -> bool {
        self.rest.contains_key(&format!("entry_{id}"))
    }

    /// Whether `bill_to` is `choice` (the guest when nothing was chosen).
    pub fn bills(&self, choice: &str) -> bool {
        match self.bill_to.trim() {
            "company" | "new" => self.bill_to.trim() == choice,
            _ => choice == "guest",
        }
    }
}

/// Issues the invoice and shows it; a form that is wrong, or a refusal, shows the
/// reservation page again with the form as typed.
pub async fn issue(ctx: TenantCtx, state: State, path: web::Path<ReservationId>, form: web::Form<IssueForm>) -> Reply {
    let id = path.into_inner();
    let typed = form.into_inner();
    let issue = match typed.issue(id) {
        Ok(issue) => issue,
        Err(errors) => {
            let (status, problem) = (StatusCode::UNPROCESSABLE_ENTITY, Msg::new("invoice-not-issued"));
            let input = IssueInput { form: typed, errors };
            return super::reservations::show_with_invoice_form(&ctx, &state, id, status, problem, input).await;
        }
    };
    match ctx.write(&state, move |s, m| Ok(stays::invoicing::issue(s, m, &issue)?)).await {
        Ok(invoice) => {
            ctx.flash("success", Msg::new("invoice-issued").arg("code", &invoice.code));
            Ok(see_other(&urls::invoice(invoice.id)))
        }
        Err(AppError::Refused(refused)) => {
            let input = IssueInput { form: typed, errors: FieldErrors::default() };
            super::reservations::show_with_invoice_form(&ctx, &state, id, StatusCode::CONFLICT, refused.msg(), input)
                .await
        }
        Err(e) => Err(e),
    }
}

/// The issue form as typed and what is wrong with it (blank: as the page first shows it).
#[derive(Default)]
pub struct IssueInput {
    pub form: IssueForm,
    pub errors: FieldErrors,
}

/// The credit form: `line_<n>` checkboxes (none ticked: every line not credited yet).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CreditForm {
    #[serde(flatten)]
    pub rest: HashMap<String, String>,
}

pub async fn credit(ctx: TenantCtx, state: State, path: web::Path<InvoiceId>, form: web::Form<CreditForm>) -> Reply {
    let id = path.into_inner();
    let lines: Vec<i32> =
        form.rest.keys().filter_map(|k| k.strip_prefix("line_")).filter_map(|n| n.parse().ok()).collect();
    let lines = (!lines.is_empty()).then_some(lines);
    match ctx.write(&state, move |s, m| Ok(stays::invoicing::credit(s, m, id, lines)?)).await {
        Ok(note) => {
            ctx.flash("success", Msg::new("invoice-credited").arg("code", &note.code));
            Ok(see_other(&urls::invoice(note.id)))
        }
        Err(AppError::Refused(refused)) => {
            ctx.flash("error", refused.msg());
            Ok(see_other(&urls::invoice(id)))
        }
        Err(e) => Err(e),
    }
}

/// A tax rule's total on the invoice.
pub struct TaxTotal {
    pub name: String,
    pub included: bool,
    pub amount: i64,
}

#[derive(Template)]
#[template(path = "invoices/show.html")]
struct ShowPage {
    chrome: Chrome,
    invoice: Invoice,
    lines: Vec<InvoiceLine>,
    credits: Vec<Invoice>,
    /// The invoice a credit note cancels.
    credited: Option<Invoice>,
    /// Lines of this invoice a credit note cancels already.
    credited_lines: Vec<i32>,
    taxes: Vec<TaxTotal>,
}

impl ShowPage {
    fn text(&self, field: &str, of: &crate::domain::JsonValue) -> String {
        of.get(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned()
    }
    /// The hotel's address, city and country, those it has.
    fn place(&self) -> String {
        let parts: Vec<String> = ["hotel_address", "city", "country"]
            .iter()
            .map(|f| self.text(f, &self.invoice.issuer))
            .filter(|p| !p.is_empty())
            .collect();
        parts.join(", ")
    }
    fn payments(&self) -> Vec<(String, String, i64)> {
        self.invoice
            .payments
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|p| {
                        let date = p["date"]
                            .as_str()
                            .and_then(|d| d.parse::<chrono::NaiveDate>().ok())
                            .map(|d| self.chrome.date(d))
                            .unwrap_or_default();
                        let method = p["method"]
                            .as_str()
                            .and_then(|m| m.parse::<crate::domain::PaymentMethod>().ok())
                            .map(|m| self.chrome.label(m))
                            .unwrap_or_default();
                        (date, method, p["amount"].as_i64().unwrap_or(0))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    fn paid(&self) -> i64 {
        self.payments().iter().map(|(_, _, a)| a).sum()
    }
    fn is_credit(&self) -> bool {
        self.invoice.kind == InvoiceKind::CreditNote
    }
}

/// Totals per tax rule over the lines.
fn tax_totals(lines: &[InvoiceLine]) -> Vec<TaxTotal> {
    let mut out: Vec<TaxTotal> = Vec::new();
    for line in lines {
        for t in line.taxes.as_array().into_iter().flatten() {
            let name = t["name"].as_str().unwrap_or_default().to_owned();
            let included = t["included"].as_bool().unwrap_or(false);
            let amount = t["amount"].as_i64().unwrap_or(0);
            match out.iter_mut().find(|x| x.name == name && x.included == included) {
                Some(x) => x.amount += amount,
                None => out.push(TaxTotal { name, included, amount }),
            }
        }
    }
    out
}

pub async fn show(ctx: TenantCtx, state: State, path: web::Path<InvoiceId>) -> Reply {
    let id = path.into_inner();
    let (view, invoice, lines, credits, credited) = ctx
        .read(&state, move |s, m| {
            let invoice = s.invoices().get(id)?;
            let lines = s.invoices().lines(id)?;
            let credits = s.invoices().credits_of(id)?;
            let credited = invoice.credits_invoice_id.map(|c| s.invoices().get(c)).transpose()?;
            let credited_lines = s.invoices().credited_lines(id)?;
            Ok((m.view(), invoice, lines, (credits, credited_lines), credited))
        })
        .await?;
    let taxes = tax_totals(&lines);
    let (credits, credited_lines) = credits;
    let chrome = Chrome::new(&ctx, view, "invoices");
    ok(&ShowPage { chrome, invoice, lines, credits, credited, credited_lines, taxes })
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub hotel: String,
    pub q: String,
    pub page: String,
    pub format: String,
}

#[derive(Template)]
#[template(path = "invoices/index.html")]
struct IndexPage {
    chrome: Chrome,
    hotels: Vec<Hotel>,
    query: ListQuery,
    invoices: Vec<Invoice>,
    page: i64,
    more: bool,
}

impl IndexPage {
    fn link(&self, page: i64) -> String {
        let pairs = [("hotel", self.query.hotel.trim()), ("q", self.query.q.trim()), ("page", &page.to_string())];
        let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        format!("{}?{query}", urls::invoices())
    }
    fn csv_href(&self) -> String {
        let pairs = [("hotel", self.query.hotel.trim()), ("q", self.query.q.trim()), ("format", "csv")];
        let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        format!("{}?{query}", urls::invoices())
    }
}

const PAGE: i64 = 50;
/// The most rows one CSV export holds.
const CSV_ROWS: i64 = 100_000;

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<ListQuery>) -> Reply {
    let query = query.into_inner();
    let hotel: Option<HotelId> = query.hotel.trim().parse().ok();
    let page = query.page.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let csv = query.format == "csv";
    let q = forms::clean(&query.q);
    let (view, hotels, invoices) = ctx
        .read(&state, move |s, m| {
            let hotels = s.hotels().list()?;
            if let Some(h) = hotel {
                s.hotels().get(h)?;
            }
            let (limit, offset) = if csv { (CSV_ROWS, 0) } else { (PAGE + 1, (page - 1) * PAGE) };
            let invoices = s.invoices().list(hotel, Some(&q), limit, offset)?;
            Ok((m.view(), hotels, invoices))
        })
        .await?;
    if csv {
        return Ok(csv_of(&invoices, &hotels));
    }
    let more = invoices.len() as i64 > PAGE;
    let invoices = invoices.into_iter().take(PAGE as usize).collect();
    let chrome = Chrome::new(&ctx, view, "invoices");
    super::pages::render(StatusCode::OK, &IndexPage { chrome, hotels, query, invoices, page, more })
}

/// The list as CSV, for machines: English snake_case headers, plain numbers, ISO dates.
fn csv_of(invoices: &[Invoice], hotels: &[Hotel]) -> HttpResponse {
    let mut out = String::from("code,kind,hotel,issued_on,bill_to,net,tax,total,currency,credits\n");
    let field = |v: &str| {
        let v = if v.starts_with(['=', '+', '-', '@']) { format!("'{v}") } else { v.to_owned() };
        if v.contains([',', '"', '\n']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v
        }
    };
    for i in invoices {
        let hotel = hotels.iter().find(|h| h.id == i.hotel_id).map_or("", |h| h.code.as_str());
        let credits =
            i.credits_invoice_id.and_then(|c| invoices.iter().find(|x| x.id == c)).map_or("", |x| x.code.as_str());
        let plain = |minor: i64| money::plain(minor, &i.currency);
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\n",
            field(&i.code),
            i.kind,
            field(hotel),
            i.issued_at.0.date_naive(),
            field(&i.bill_to_name),
            plain(i.net),
            plain(i.tax),
            plain(i.total),
            i.currency,
            field(credits),
        ));
    }
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"hotelier-invoices.csv\""))
        .body(out)
}
