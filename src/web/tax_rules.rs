//! Tax rules of a hotel: create, edit, delete (a rule that taxed a charge cannot be
//! deleted: end its validity instead). The hotel's page lists them.

use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::error::Reply;
use super::extract::{Member, TenantCtx};
use super::forms::{self, Diff, FieldErrors};
use super::manage::{self, Done, Heading, Managed, Shown};
use super::pages::{Chrome, MemberView};
use super::state::State;
use super::urls;
use crate::db::hotels::Hotel;
use crate::db::taxes::{TaxRule, TaxRuleFields};
use crate::db::{Constraint, DbError, TenantScope};
use crate::domain::{HotelId, TaxBase, TaxKind, TaxRuleId};
use crate::i18n::{Msg, Tr};
use crate::web::error::AppError;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TaxForm {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// A percentage, typed the reader's way (`8,875`).
    pub rate: String,
    /// An amount per person and night.
    pub amount: String,
    pub included: Option<String>,
    pub applies_to: String,
    pub exempt_children: Option<String>,
    pub valid_from: String,
    pub valid_to: String,
    pub version: String,
}

impl TaxForm {
    fn of(t: &TaxRule, tr: &Tr) -> Self {
        Self {
            code: t.code.clone(),
            name: t.name.clone(),
            kind: t.kind.as_str().into(),
            rate: t.rate.map(|r| forms::percent_input(r, tr)).unwrap_or_default(),
            amount: t.amount.map(|a| tr.amount_input(a)).unwrap_or_default(),
            included: t.included.then(|| "on".into()),
            applies_to: t.applies_to.as_str().into(),
            exempt_children: t.exempt_children.then(|| "on".into()),
            valid_from: t.valid_from.to_string(),
            valid_to: t.valid_to.map(|d| d.to_string()).unwrap_or_default(),
            version: t.version.to_string(),
        }
    }

    fn parse(&self, tr: &Tr) -> Result<TaxRuleFields, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind: Option<TaxKind> = forms::choice(&mut e, "kind", &self.kind);
        let (rate, amount, included, applies_to) = match kind {
            Some(TaxKind::Percent) => {
                let applies_to = forms::choice(&mut e, "applies_to", &self.applies_to).unwrap_or(TaxBase::Rooms);
                let rate = match forms::signed(&mut e, "rate", &self.rate, tr, false) {
                    Some(r) if (1..=10_000).contains(&r) => Some(r),
                    Some(_) => {
                        e.add("rate", Msg::new("tax-rate-range"));
                        None
                    }
                    None => None,
                };
                (rate, None, self.included.is_some(), applies_to)
            }
            Some(TaxKind::PerPersonNight) => {
                (None, forms::amount(&mut e, "amount", &self.amount, tr), false, TaxBase::Rooms)
            }
            None => (None, None, false, TaxBase::Rooms),
        };
        let valid_from = forms::date(&mut e, "valid_from", &self.valid_from);
        let valid_to = match forms::clean(&self.valid_to).as_str() {
            "" => None,
            raw => forms::date(&mut e, "valid_to", raw),
        };
        if let (Some(from), Some(to)) = (valid_from, valid_to) {
            if to < from {
                e.add("valid_to", Msg::new("tax-to-before-from"));
            }
        }
        let fields = TaxRuleFields {
            code: forms::code(&mut e, "code", &self.code),
            name: forms::required(&mut e, "name", &self.name, 200),
            kind: kind.unwrap_or(TaxKind::Percent),
            rate,
            amount,
            included,
            applies_to,
            exempt_children: self.exempt_children.is_some() && kind == Some(TaxKind::PerPersonNight),
            valid_from: valid_from.unwrap_or_default(),
            valid_to,
        };
        e.into_result(fields)
    }
}

#[derive(Template)]
#[template(path = "hotels/tax_form.html")]
pub struct FormPage {
    chrome: Chrome,
    hotel: Hotel,
    title: String,
    action: String,
    form: TaxForm,
    errors: FieldErrors,
    conflict: Vec<Diff>,
    delete_action: Option<String>,
    kinds: &'static [TaxKind],
    bases: &'static [TaxBase],
}

/// Tax rules as a managed resource (see [`Managed`]).
pub struct TaxRules;

impl Managed for TaxRules {
    type Id = TaxRuleId;
    type Record = TaxRule;
    type Form = TaxForm;
    type Fields = TaxRuleFields;
    type Parent = HotelId;
    type Env = Hotel;
    type Page = FormPage;
    const AREA: &'static str = "hotels";
    const KIND: &'static str = "tax_rule";
    const IN_USE: &'static str = "tax-in-use";

    fn env(s: &mut TenantScope<'_>, hotel: HotelId) -> Result<Hotel, AppError> {
        Ok(s.hotels().get(hotel)?)
    }
    fn parent_of(t: &TaxRule) -> HotelId {
        t.hotel_id
    }
    fn id_of(t: &TaxRule) -> TaxRuleId {
        t.id
    }
    fn get(s: &mut TenantScope<'_>, id: TaxRuleId) -> Result<TaxRule, AppError> {
        Ok(s.tax_rules().get(id)?)
    }
    fn insert(s: &mut TenantScope<'_>, _: &Member, hotel: HotelId, f: &TaxRuleFields) -> Result<TaxRule, AppError> {
        Ok(s.tax_rules().create(hotel, f)?)
    }
    fn update(s: &mut TenantScope<'_>, id: TaxRuleId, version: i32, f: &TaxRuleFields) -> Result<TaxRule, AppError> {
        Ok(s.tax_rules().update(id, version, f)?)
    }
    fn remove(s: &mut TenantScope<'_>, id: TaxRuleId) -> Result<(), AppError> {
        Ok(s.tax_rules().delete(id)?)
    }
    fn blank(_: &MemberView, _: &Hotel, _: HotelId) -> TaxForm {
        TaxForm {
            kind: "percent".into(),
            applies_to: "rooms".into(),
            valid_from: chrono::Utc::now().date_naive().to_string(),
            ..TaxForm::default()
        }
    }
    fn form_of(t: &TaxRule, view: &MemberView) -> TaxForm {
        TaxForm::of(t, &view.tr)
    }
    fn parse(form: &TaxForm, _: &Hotel, view: &MemberView) -> Result<TaxRuleFields, FieldErrors> {
        form.parse(&view.tr)
    }
    fn version(form: &mut TaxForm) -> &mut String {
        &mut form.version
    }
    fn diffs(yours: &TaxForm, current: &TaxForm, _: &Hotel) -> Vec<Diff> {
        forms::changed([
            ("tax-field-code", &yours.code, &current.code),
            ("tax-field-name", &yours.name, &current.name),
            ("tax-field-rate", &yours.rate, &current.rate),
            ("tax-field-amount", &yours.amount, &current.amount),
            ("tax-field-valid-from", &yours.valid_from, &current.valid_from),
            ("tax-field-valid-to", &yours.valid_to, &current.valid_to),
        ])
    }
    fn page(chrome: Chrome, hotel: Hotel, existing: Option<&TaxRule>, shown: Shown<TaxForm>) -> FormPage {
        let editing = existing.map(|t| (chrome.t1("tax-edit-title", "name", t.name.as_str()), urls::tax_rule(t.id)));
        let new_action = urls::tax_rules_of(hotel.id);
        let Heading { title, action, delete: delete_action } = Heading::of(editing, &chrome.t("tax-new"), new_action);
        let Shown { form, errors, conflict } = shown;
        FormPage {
            chrome,
            hotel,
            title,
            action,
            form,
            errors,
            conflict,
            delete_action,
            kinds: TaxKind::ALL,
            bases: TaxBase::ALL,
        }
    }
    fn created(t: &TaxRule) -> Done {
        Done::new(Msg::new("tax-added").arg("name", &t.name), urls::hotel(t.hotel_id))
    }
    fn saved(t: &TaxRule) -> Done {
        Done::new(Msg::new("tax-saved").arg("name", &t.name), urls::hotel(t.hotel_id))
    }
    fn deleted(t: &TaxRule) -> Done {
        Done::new(Msg::new("tax-deleted").arg("name", &t.name), urls::hotel(t.hotel_id))
    }
    fn delete_from(id: TaxRuleId) -> String {
        urls::tax_rule_edit(id)
    }
    fn taken(e: &AppError) -> Option<FieldErrors> {
        matches!(e, AppError::Db(DbError::Conflict(Constraint::TaxRuleCode)))
            .then(|| manage::field_error("code", Msg::new("tax-code-taken")))
    }
}

pub async fn new_form(ctx: TenantCtx, state: State, path: web::Path<HotelId>) -> Reply {
    manage::new_form::<TaxRules>(&ctx, &state, path.into_inner()).await
}

pub async fn create(ctx: TenantCtx, state: State, path: web::Path<HotelId>, form: web::Form<TaxForm>) -> Reply {
    manage::create::<TaxRules>(&ctx, &state, path.into_inner(), form.into_inner()).await
}

// edit_form, update, delete (see `manage::handlers`).
manage::handlers!(edit: TaxRules);
