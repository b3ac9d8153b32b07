//! The organization's settings: currency, timezone, languages and the front-desk rules.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;

use super::error::Reply;
use super::extract::TenantCtx;
use super::forms::{self, FieldErrors};
use super::pages::{ok, render, see_other, Chrome};
use super::state::State;
use super::urls;
use crate::db::audit::Event;
use crate::db::tenants::{OrganizationChanges, Tenant};
use crate::domain::roles::Capability;
use crate::domain::settings::TenantSettings;
use crate::domain::PaymentMethod;
use crate::i18n::Msg;
use crate::web::error::AppError;

/// The form's fields. `payment_methods` arrives once per ticked box, so the form is read
/// from the raw pairs.
#[derive(Clone, Debug, Default)]
pub struct SettingsForm {
    pub currency: String,
    pub timezone: String,
    pub locale: String,
    pub languages: String,
    pub check_in_time: String,
    pub check_out_time: String,
    pub night_audit_time: String,
    pub overbooking_percent: String,
    pub kiosk_idle_minutes: String,
    /// Staff may unlock the kiosk with a PIN (only an owner changes it).
    pub kiosk_pin: bool,
    pub cancellation_policy: String,
    pub legal_name: String,
    pub tax_id: String,
    pub payment_methods: Vec<String>,
    pub version: String,
}

impl SettingsForm {
    fn from_tenant(t: &Tenant) -> Self {
        let s = t.settings();
        Self {
            currency: t.currency.clone(),
            timezone: t.timezone.clone(),
            locale: t.locale.clone(),
            languages: s.languages.join(", "),
            check_in_time: s.check_in_time,
            check_out_time: s.check_out_time,
            night_audit_time: s.night_audit_time,
            overbooking_percent: s.overbooking_percent.to_string(),
            kiosk_idle_minutes: s.kiosk_idle_minutes.to_string(),
            kiosk_pin: s.kiosk_pin,
            cancellation_policy: s.cancellation_policy,
            legal_name: s.legal_name,
            tax_id: s.tax_id,
            payment_methods: s.payment_methods.iter().map(|m| m.as_str().to_owned()).collect(),
            version: t.version.to_string(),
        }
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "currency" => f.currency = v,
                "timezone" => f.timezone = v,
                "locale" => f.locale = v,
                "languages" => f.languages = v,
                "check_in_time" => f.check_in_time = v,
                "check_out_time" => f.check_out_time = v,
                "night_audit_time" => f.night_audit_time = v,
                "overbooking_percent" => f.overbooking_percent = v,
                "kiosk_idle_minutes" => f.kiosk_idle_minutes = v,
                "kiosk_pin" => f.kiosk_pin = v == "on",
                "cancellation_policy" => f.cancellation_policy = v,
                "legal_name" => f.legal_name = v,
                "tax_id" => f.tax_id = v,
                "payment_methods" if f.payment_methods.len() < 20 => f.payment_methods.push(v),
                "version" => f.version = v,
                _ => {}
            }
        }
        f
    }

    pub fn has_method(&self, method: &PaymentMethod) -> bool {
        self.payment_methods.iter().any(|m| m == method.as_str())
    }

    fn parse(&self) -> Result<OrganizationChanges, FieldErrors> {
        let mut e = FieldErrors::default();
        let currency = forms::clean(&self.currency).to_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            e.add("currency", Msg::new("settings-currency-invalid"));
        }
        let timezone = forms::timezone(&mut e, "timezone", &self.timezone);
        let locale = forms::required(&mut e, "locale", &self.locale, 10);
        let languages: Vec<String> =
            forms::clean(&self.languages).split(',').map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect();
        if languages.is_empty()
            || languages.len() > 10
            || languages.iter().any(|l| l.len() > 10 || !l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        {
            e.add("languages", Msg::new("settings-languages-invalid"));
        }
        let time = |e: &mut FieldErrors, field: &'static str, raw: &str| {
            let v = forms::clean(raw);
            if chrono::NaiveTime::parse_from_str(&v, "%H:%M").is_err() {
                e.add(field, Msg::new("settings-time-invalid"));
            }
            v
        };
        let payment_methods: Vec<PaymentMethod> = self.payment_methods.iter().filter_map(|m| m.parse().ok()).collect();
        if payment_methods.is_empty() {
            e.add("payment_methods", Msg::new("settings-payment-methods-none"));
        }
        let settings = TenantSettings {
            check_in_time: time(&mut e, "check_in_time", &self.check_in_time),
            check_out_time: time(&mut e, "check_out_time", &self.check_out_time),
            night_audit_time: time(&mut e, "night_audit_time", &self.night_audit_time),
            overbooking_percent: forms::integer(&mut e, "overbooking_percent", &self.overbooking_percent, 0, 50)
                .unwrap_or(0) as u32,
            kiosk_idle_minutes: forms::integer(&mut e, "kiosk_idle_minutes", &self.kiosk_idle_minutes, 1, 120)
                .unwrap_or(5) as u32,
            cancellation_policy: forms::optional(&mut e, "cancellation_policy", &self.cancellation_policy, 2000)
                .unwrap_or_default(),
            payment_methods,
            languages,
            kiosk_pin: self.kiosk_pin,
            legal_name: forms::optional(&mut e, "legal_name", &self.legal_name, 200).unwrap_or_default(),
            tax_id: forms::optional(&mut e, "tax_id", &self.tax_id, 50).unwrap_or_default(),
        };
        e.into_result(OrganizationChanges { currency, timezone, locale, settings: settings.to_json().into() })
    }
}

#[derive(Template)]
#[template(path = "settings/form.html")]
struct SettingsPage {
    chrome: Chrome,
    tenant: Tenant,
    form: SettingsForm,
    errors: FieldErrors,
    methods: &'static [PaymentMethod],
    timezones: &'static [&'static str],
    editable: bool,
    stale: bool,
    /// The owner may download all data now.
    can_export: bool,
    /// An owner whose plan lacks the export: say which plan has it.
    export_needs_plan: bool,
}

fn page(chrome: Chrome, tenant: Tenant, form: SettingsForm, errors: FieldErrors, stale: bool) -> SettingsPage {
    let editable = chrome.can(Capability::SettingsEdit);
    let can_export = chrome.can(Capability::DataExport);
    let export_needs_plan = !can_export && chrome.member.grants.allows(Capability::DataExport);
    SettingsPage {
        chrome,
        tenant,
        form,
        errors,
        methods: PaymentMethod::ALL,
        timezones: forms::TIMEZONES,
        editable,
        stale,
        can_export,
        export_needs_plan,
    }
}

pub async fn show(ctx: TenantCtx, state: State) -> Reply {
    let (view, tenant) = ctx.read(&state, |s, m| Ok((m.view(), s.organization()?))).await?;
    let form = SettingsForm::from_tenant(&tenant);
    ok(&page(Chrome::new(&ctx, view, "settings"), tenant, form, FieldErrors::default(), false))
}

pub async fn update(ctx: TenantCtx, state: State, body: web::Form<Vec<(String, String)>>) -> Reply {
    let mut form = SettingsForm::from_pairs(body.into_inner());
    let submitted = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let before = s.organization()?;
            let mut submitted = submitted;
            if !m.can(Capability::OwnersManage) {
                submitted.kiosk_pin = before.settings().kiosk_pin;
            }
            let changes = match submitted.parse() {
                Ok(changes) => changes,
                Err(errors) => return Ok(Err(errors)),
            };
            let after = s.update_organization(forms::version(&submitted.version), &changes)?;
            m.audit(s, Event::new("settings.update", "tenant", after.id).before(&before).after(&after))?;
            Ok(Ok(after))
        })
        .await;
    let (status, errors, stale) = match result {
        Ok(Ok(_)) => {
            ctx.flash("success", Msg::new("settings-saved"));
            return Ok(see_other(&urls::settings()));
        }
        Ok(Err(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, false),
        Err(AppError::Stale) => (StatusCode::CONFLICT, FieldErrors::default(), true),
        Err(e) => return Err(e),
    };
    let (view, tenant) = ctx.read(&state, |s, m| Ok((m.view(), s.organization()?))).await?;
    if stale {
        form.version = tenant.version.to_string();
    }
    render(status, &page(Chrome::new(&ctx, view, "settings"), tenant, form, errors, stale))
}
