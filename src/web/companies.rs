//! Companies the organization bills (`/companies`): listed with a search and how many
//! invoices name each, created, edited under optimistic locking, and deleted while no
//! invoice names them. The invoice form on a stay's page picks one, or adds one with the
//! same fields ([`fields`]). An issued invoice keeps the bill-to as it was: editing a
//! company changes the next invoices only.

use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, Diff, FieldErrors};
use super::manage::{self, Done, Heading, Managed, Shown};
use super::pages::{ok, Chrome, MemberView};
use super::state::State;
use super::urls;
use crate::db::invoices::{Company, CompanyFields};
use crate::db::TenantScope;
use crate::domain::CompanyId;
use crate::i18n::Msg;
use crate::web::error::AppError;

/// A company's fields as typed, each under the name of the form field it came from:
/// `[name, tax id, address, email]`.
pub fn fields(e: &mut FieldErrors, typed: [(&'static str, &str); 4]) -> CompanyFields {
    let [(name, n), (tax_id, t), (address, a), (email, m)] = typed;
    CompanyFields {
        name: forms::required(e, name, n, 200),
        tax_id: forms::optional(e, tax_id, t, 50),
        address: forms::optional(e, address, a, 500),
        email: forms::optional_email(e, email, m),
    }
}

#[derive(Deserialize)]
pub struct IndexQuery {
    #[serde(default)]
    q: String,
}

#[derive(Template)]
#[template(path = "companies/index.html")]
struct IndexPage {
    chrome: Chrome,
    companies: Vec<(Company, i64)>,
    q: String,
}

pub async fn index(ctx: TenantCtx, state: State, query: web::Query<IndexQuery>) -> Reply {
    let q = forms::clean(&query.into_inner().q);
    let term = q.clone();
    let (view, companies) =
        ctx.read(&state, move |s, m| Ok((m.view(), s.companies().search(Some(term.as_str()))?))).await?;
    ok(&IndexPage { chrome: Chrome::new(&ctx, view, "companies"), companies, q })
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CompanyForm {
    pub name: String,
    pub tax_id: String,
    pub address: String,
    pub email: String,
    pub version: String,
}

impl CompanyForm {
    fn of(c: &Company) -> Self {
        Self {
            name: c.name.clone(),
            tax_id: c.tax_id.clone().unwrap_or_default(),
            address: c.address.clone().unwrap_or_default(),
            email: c.email.clone().unwrap_or_default(),
            version: c.version.to_string(),
        }
    }

    fn parse(&self) -> Result<CompanyFields, FieldErrors> {
        let mut e = FieldErrors::default();
        let fields = fields(
            &mut e,
            [("name", &self.name), ("tax_id", &self.tax_id), ("address", &self.address), ("email", &self.email)],
        );
        e.into_result(fields)
    }
}

#[derive(Template)]
#[template(path = "companies/form.html")]
pub struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    form: CompanyForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    delete_action: Option<String>,
}

/// Companies as a managed resource (see [`Managed`]).
pub struct Companies;

impl Managed for Companies {
    type Id = CompanyId;
    type Record = Company;
    type Form = CompanyForm;
    type Fields = CompanyFields;
    type Parent = ();
    type Env = ();
    type Page = FormPage;
    const AREA: &'static str = "companies";
    const KIND: &'static str = "company";
    const IN_USE: &'static str = "company-in-use";

    fn env(_: &mut TenantScope<'_>, _: ()) -> Result<(), AppError> {
        Ok(())
    }
    fn parent_of(_: &Company) {}
    fn id_of(c: &Company) -> CompanyId {
        c.id
    }
    fn get(s: &mut TenantScope<'_>, id: CompanyId) -> Result<Company, AppError> {
        Ok(s.companies().get(id)?)
    }
    fn insert(s: &mut TenantScope<'_>, _: &Member, _: (), f: &CompanyFields) -> Result<Company, AppError> {
        Ok(s.companies().create(f)?)
    }
    fn update(s: &mut TenantScope<'_>, id: CompanyId, version: i32, f: &CompanyFields) -> Result<Company, AppError> {
        Ok(s.companies().update(id, version, f)?)
    }
    fn remove(s: &mut TenantScope<'_>, id: CompanyId) -> Result<(), AppError> {
        Ok(s.companies().delete(id)?)
    }
    fn blank(_: &MemberView, _: &(), _: ()) -> CompanyForm {
        CompanyForm::default()
    }
    fn form_of(c: &Company, _: &MemberView) -> CompanyForm {
        CompanyForm::of(c)
    }
    fn parse(form: &CompanyForm, _: &(), _: &MemberView) -> Result<CompanyFields, FieldErrors> {
        form.parse()
    }
    fn version(form: &mut CompanyForm) -> &mut String {
        &mut form.version
    }
    fn diffs(yours: &CompanyForm, current: &CompanyForm, _: &()) -> Vec<Diff> {
        forms::changed([
            ("company-field-name", &yours.name, &current.name),
            ("company-field-tax-id", &yours.tax_id, &current.tax_id),
            ("company-field-address", &yours.address, &current.address),
            ("company-field-email", &yours.email, &current.email),
        ])
    }
    fn page(chrome: Chrome, _: (), existing: Option<&Company>, shown: Shown<CompanyForm>) -> FormPage {
        let editing = existing.map(|c| (chrome.t1("company-edit-title", "name", c.name.as_str()), urls::company(c.id)));
        let Heading { title, action, delete: delete_action } =
            Heading::of(editing, &chrome.t("company-new-title"), urls::companies());
        let Shown { form, errors, conflict } = shown;
        FormPage { chrome, title, action, form, errors, conflict, delete_action }
    }
    fn created(c: &Company) -> Done {
        Done::new(Msg::new("company-added").arg("name", &c.name), urls::companies())
    }
    fn saved(c: &Company) -> Done {
        Done::new(Msg::new("company-saved").arg("name", &c.name), urls::companies())
    }
    fn deleted(c: &Company) -> Done {
        Done::new(Msg::new("company-deleted").arg("name", &c.name), urls::companies())
    }
    fn delete_from(id: CompanyId) -> String {
        urls::company_edit(id)
    }
}

// edit_form, update, delete, new_form and create (see `manage::handlers`).
manage::handlers!(Companies);
