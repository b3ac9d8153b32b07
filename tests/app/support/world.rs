//! The HTTP suites' world: two organizations with one member per role, a super admin and
//! a member of both; their ids for filling `{id}` routes, and a probe form body.

use hotelier::db::hotels::HotelFields;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, Db, DbError, PlatformGrant};
use hotelier::domain::{AssociationId, FolioEntryId, HotelId, RatePlanId, Role, RoomBlockId, TaxRuleId, UserId};
use hotelier::web::{RouteAccess, ROUTES};

use super::{new_membership, spawn_app, two_orgs, Backend, Browser, Org, TestApp, PASSWORD};

#[derive(Clone, Debug)]
pub struct Account {
    pub id: UserId,
    pub email: String,
    pub name: String,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub account: Account,
    pub membership: AssociationId,
}

/// One member per role in one organization, plus `target`: a staff member whose
/// membership the member-management routes act on (so that no test deactivates the user
/// it is signed in as).
#[derive(Clone, Debug)]
pub struct Team {
    pub owner: Member,
    pub admin: Member,
    pub manager: Member,
    pub staff: Member,
    pub viewer: Member,
    pub target: Member,
}

impl Team {
    pub fn role(&self, role: Role) -> &Member {
        match role {
            Role::Owner => &self.owner,
            Role::Admin => &self.admin,
            Role::Manager => &self.manager,
            Role::Staff => &self.staff,
            Role::Viewer => &self.viewer,
        }
    }

    fn all(&self) -> [&Member; 6] {
        [&self.owner, &self.admin, &self.manager, &self.staff, &self.viewer, &self.target]
    }
}

/// Two organizations (see `support::two_orgs`) with their teams, a super admin with no
/// membership, and `dual`: owner in A (primary) and staff in B.
pub struct World {
    pub app: TestApp,
    pub a: Org,
    pub b: Org,
    pub team_a: Team,
    pub team_b: Team,
    pub super_admin: Account,
    pub dual: Account,
    pub dual_in_b: AssociationId,
    /// A second hotel of B, with a code and name that appear nowhere in A.
    pub b_lodge: HotelId,
    /// The argon2 hash of [`PASSWORD`], for tests that add users.
    pub password_hash: String,
}

impl World {
    pub fn db(&self) -> &Db {
        &self.app.test_db.db
    }

    pub fn address(&self) -> &str {
        &self.app.address
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.app.address)
    }

    /// A's (or B's) ids, for substituting into `{id}` routes and probe forms.
    /// A's records for the route walkers (a folio entry and a room block made on first
    /// use, so that suites which count A's rows see none of them).
    pub fn ids_a(&self) -> Ids {
        Ids::of(&self.a, self.team_a.target.membership).with_probes(probe_records(self.db(), &self.a))
    }

    pub fn ids_b(&self) -> Ids {
        Ids::of(&self.b, self.team_b.target.membership).with_probes(probe_records(self.db(), &self.b))
    }

    /// Everything of B that must never show up on A's pages: names, codes, emails, ids.
    pub fn b_secrets(&self) -> Vec<String> {
        let mut secrets: Vec<String> = vec!["bravo-inns".into(), "Bravo ".into(), "BSL9".into(), "BABC123".into()];
        // B's records without the probes (making them would change B).
        secrets.extend(Ids::of(&self.b, self.team_b.target.membership).all());
        secrets.push(self.b_lodge.to_string());
        secrets.extend(self.team_b.all().iter().flat_map(|m| [m.account.id.to_string(), m.membership.to_string()]));
        secrets.push(self.dual_in_b.to_string());
        secrets.extend(self.b.rooms.iter().map(|r| r.to_string()));
        secrets
    }
}

pub async fn world(backend: Backend) -> World {
    let app = spawn_app(backend).await;
    let db = app.test_db.db.clone();
    let (a, b) = two_orgs(&db);
    let password_hash = hotelier::domain::password::hash(PASSWORD).expect("hash");

    let account = |email: &str, name: &str| Account { id: UserId::new(), email: email.into(), name: name.into() };
    let roles = [Role::Owner, Role::Admin, Role::Manager, Role::Staff, Role::Viewer, Role::Staff];
    let people = |org: &str, title: &str| -> Vec<Account> {
        ["owner", "admin", "manager", "staff", "viewer", "target"]
            .iter()
            .map(|r| account(&format!("{r}@{org}.test"), &format!("{title} {}", capitalize(r))))
            .collect()
    };
    let (people_a, people_b) = (people("alpha-hotels", "Alpha"), people("bravo-inns", "Bravo"));
    let super_admin = account("root@hotelier.test", "Platform Root");
    let dual = account("dual@example.test", "Dana Dual");

    let everyone: Vec<(&Account, bool)> =
        people_a.iter().chain(&people_b).map(|p| (p, false)).chain([(&super_admin, true), (&dual, false)]).collect();
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        for (who, is_super_admin) in &everyone {
            p.users().create(&NewUser {
                id: who.id,
                email: who.email.clone(),
                full_name: who.name.clone(),
                password_hash: password_hash.clone(),
                is_super_admin: *is_super_admin,
            })?;
        }
        Ok::<_, DbError>(())
    })
    .expect("users");

    let team = |org: &Org,
                people: &[Account],
                extra: Option<(&Account, Role, bool)>|
     -> (Team, Option<AssociationId>) {
        db.tenant(org.id, None, Access::Write, |s| {
            let mut members = Vec::new();
            for (who, role) in people.iter().zip(roles) {
                let m = s.memberships().create(&new_membership(who.id, role, true, None))?;
                members.push(Member { account: who.clone(), membership: m.id });
            }
            let extra = match extra {
                Some((who, role, primary)) => {
                    Some(s.memberships().create(&new_membership(who.id, role, primary, None))?.id)
                }
                None => None,
            };
            let mut it = members.into_iter();
            let mut next = || it.next().unwrap();
            let team =
                Team { owner: next(), admin: next(), manager: next(), staff: next(), viewer: next(), target: next() };
            Ok::<_, DbError>((team, extra))
        })
        .expect("team")
    };
    let (team_a, _) = team(&a, &people_a, Some((&dual, Role::Owner, true)));
    let (team_b, dual_in_b) = team(&b, &people_b, Some((&dual, Role::Staff, false)));

    let b_lodge = db
        .tenant(b.id, None, Access::Write, |s| {
            s.hotels().create(&HotelFields {
                code: "BSL9".into(),
                name: "Bravo Secret Lodge".into(),
                city: Some("Bravotown".into()),
                email: Some("desk@bravo-inns.test".into()),
                timezone: "UTC".into(),
                is_active: true,
                ..HotelFields::default()
            })
        })
        .expect("B's lodge")
        .id;

    World {
        app,
        a,
        b,
        team_a,
        team_b,
        super_admin,
        dual,
        dual_in_b: dual_in_b.expect("dual in B"),
        b_lodge,
        password_hash,
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

// ---- Ids and probe bodies -------------------------------------------------------------------

/// One organization's records, by the first path segment of the routes that take them.
#[derive(Clone, Debug)]
pub struct Ids {
    pub tenant: String,
    pub hotel: String,
    pub room_type: String,
    pub room: String,
    pub guest: String,
    pub reservation: String,
    pub membership: String,
    /// A folio entry of `reservation` (a charge).
    pub entry: String,
    /// A room block of the first room, from yesterday for a month.
    pub block: String,
    /// A rate plan of `hotel` selling `room_type`.
    pub rate_plan: String,
    /// A tax rule of `hotel` that taxed the probe charge (so that it cannot be deleted).
    pub tax_rule: String,
    /// A company the probe invoice names.
    pub company: String,
    /// An invoice of `reservation` (of its own probe charge).
    pub invoice: String,
    /// A message of `reservation`'s thread (a failed one).
    pub message: String,
    /// The language a template route edits (`{lang}`).
    pub lang: String,
}

/// `org`'s probe folio entry and room block, made the first time they are asked for.
pub fn probe_records(db: &hotelier::db::Db, org: &Org) -> Probes {
    use hotelier::db::folio::NewFolioEntry;
    use hotelier::db::room_blocks::NewRoomBlock;
    use hotelier::domain::{BlockKind, FolioKind};
    // Started yesterday, so that ending it leaves a row (ended today) for the next role.
    let yesterday = chrono::Utc::now().date_naive() - chrono::Duration::days(1);
    db.tenant(org.id, None, hotelier::db::Access::Write, |s| {
        let entry = match s.folio().entries(org.reservation)?.into_iter().find(|e| e.description == "Probe charge") {
            Some(e) => e.id,
            None => s.folio().post(&NewFolioEntry {
                reservation_id: org.reservation,
                kind: FolioKind::Charge,
                description: "Probe charge".into(),
                amount: 100,
                method: None,
                reference: None,
                service_date: None,
            })?,
        };
        let block =
            match s.room_blocks().of_room(org.rooms[0], yesterday)?.into_iter().find(|b| b.reason == "Probe block") {
                Some(b) => b.id,
                None => {
                    let new = NewRoomBlock {
                        hotel_id: org.hotel,
                        room_id: org.rooms[0],
                        kind: BlockKind::OutOfService,
                        starts_on: yesterday,
                        ends_on: yesterday + chrono::Duration::days(30),
                        reason: "Probe block".into(),
                    };
                    s.room_blocks().create(&new)?.id
                }
            };
        let plan = match s.rate_plans().list(Some(org.hotel))?.into_iter().find(|p| p.code == "PROBE") {
            Some(p) => p.id,
            None => {
                let fields = hotelier::db::rates::RatePlanFields {
                    code: "PROBE".into(),
                    name: "Probe plan".into(),
                    is_active: true,
                    cancel_hours: Some(24),
                    ..Default::default()
                };
                let plan = s.rate_plans().create(org.hotel, &fields)?;
                s.rate_plans().set_prices(&plan, &[(org.room_type, Some(12_000))])?;
                // A night of the probe stay sold on it, so that deleting it is refused (in
                // use) and every role finds it still there.
                let r = s.reservations().get(org.reservation)?;
                s.nights().keep_only(r.id, r.check_in, r.check_in)?;
                let night =
                    hotelier::db::nights::ReservationNight::new(r.id, r.check_in, Some(plan.id), r.nightly_rate);
                s.nights().write(vec![night])?;
                plan.id
            }
        };
        let tax = match s.tax_rules().list(Some(org.hotel))?.into_iter().find(|t| t.code == "PROBE") {
            Some(t) => t.id,
            None => {
                let fields = hotelier::db::taxes::TaxRuleFields {
                    code: "PROBE".into(),
                    name: "Probe tax".into(),
                    kind: hotelier::domain::TaxKind::Percent,
                    rate: Some(500),
                    amount: None,
                    included: false,
                    applies_to: hotelier::domain::TaxBase::Both,
                    exempt_children: false,
                    valid_from: yesterday,
                    valid_to: None,
                };
                let rule = s.tax_rules().create(org.hotel, &fields)?;
                s.tax_rules()
                    .add_lines(entry, &[hotelier::domain::tax::Line { rule: rule.id, amount: 5, included: false }])?;
                rule.id
            }
        };
        let company = match s.companies().list()?.into_iter().next() {
            Some(c) => c.id,
            None => {
                let fields = hotelier::db::invoices::CompanyFields {
                    name: format!("{} Probe Company", org.slug),
                    tax_id: Some(format!("TAX-{}", org.slug)),
                    address: None,
                    email: None,
                };
                s.companies().create(&fields)?.id
            }
        };
        let invoice = match s.invoices().of_reservation(org.reservation)?.into_iter().next() {
            Some(i) => i.id,
            None => probe_invoice(s, org, company)?,
        };
        let message = match s.messages().of_reservation(org.reservation)?.into_iter().next() {
            Some(m) => m.id,
            None => probe_message(s, org)?,
        };
        Ok::<_, hotelier::db::DbError>(Probes { entry, block, plan, tax, company, invoice, message })
    })
    .expect("probe records")
}

/// The records of an organization the route suites need beyond its fixture.
pub struct Probes {
    pub entry: FolioEntryId,
    pub block: RoomBlockId,
    pub plan: RatePlanId,
    pub tax: TaxRuleId,
    /// A company the probe invoice is billed to (so that it cannot be deleted).
    pub company: hotelier::domain::CompanyId,
    pub invoice: hotelier::domain::InvoiceId,
    pub message: hotelier::domain::MessageId,
}

/// A message of the probe stay, failed (so that no worker picks it up, and "send again"
/// is offered).
fn probe_message(
    s: &mut hotelier::db::TenantScope<'_>,
    org: &Org,
) -> Result<hotelier::domain::MessageId, hotelier::db::DbError> {
    use hotelier::db::messages::NewMessage;
    use hotelier::domain::{MessageEvent, OutboxStatus, Timestamp};
    let new = NewMessage {
        hotel_id: org.hotel,
        reservation_id: org.reservation,
        guest_id: org.guest,
        event: MessageEvent::OneOff,
        language: "en".into(),
        recipient: format!("guest@{}.test", org.slug),
        from_name: format!("{} Central", org.slug),
        reply_to: None,
        subject: format!("Probe message of {}", org.slug),
        body_text: format!("Probe body of {}", org.slug),
        body_html: format!("<p>Probe body of {}</p>", org.slug),
        status: OutboxStatus::Failed,
        due_at: Timestamp::now(),
        last_error: Some("probe".into()),
        resend_of: None,
    };
    Ok(s.messages().enqueue(&new)?.id)
}

/// An invoice of the probe stay to `company`, for a charge of its own (so the probe
/// charge stays open).
fn probe_invoice(
    s: &mut hotelier::db::TenantScope<'_>,
    org: &Org,
    company: hotelier::domain::CompanyId,
) -> Result<hotelier::domain::InvoiceId, hotelier::db::DbError> {
    use hotelier::db::folio::NewFolioEntry;
    use hotelier::db::invoices::{Invoice, InvoiceLine};
    let entry = s.folio().post(&NewFolioEntry {
        reservation_id: org.reservation,
        kind: hotelier::domain::FolioKind::Charge,
        description: "Probe invoiced".into(),
        amount: 200,
        method: None,
        reference: None,
        service_date: None,
    })?;
    let number = s.invoices().next_number(org.hotel, "PRB")?;
    let id = hotelier::domain::InvoiceId::new();
    let invoice = Invoice {
        tenant_id: org.id,
        id,
        hotel_id: org.hotel,
        reservation_id: org.reservation,
        kind: hotelier::domain::InvoiceKind::Invoice,
        series: "PRB".into(),
        number,
        code: format!("PRB-{number:06}"),
        credits_invoice_id: None,
        company_id: Some(company),
        bill_to_name: format!("{} Probe", org.slug),
        bill_to: serde_json::json!({ "name": "Probe" }).into(),
        issuer: serde_json::json!({ "organization": org.slug }).into(),
        currency: "USD".into(),
        language: "en".into(),
        net: 200,
        tax: 0,
        total: 200,
        payments: serde_json::json!([]).into(),
        issued_at: hotelier::domain::Timestamp::now(),
        issued_by: None,
    };
    let line = InvoiceLine {
        tenant_id: org.id,
        invoice_id: id,
        line_no: 1,
        entry_id: entry,
        credits_line: None,
        description: "Probe invoiced".into(),
        service_date: None,
        net: 200,
        tax: 0,
        total: 200,
        taxes: serde_json::json!([]).into(),
    };
    Ok(s.invoices().create(invoice, vec![line])?.id)
}

impl Ids {
    /// The probe records (see `World::ids_a`).
    pub fn with_probes(self, p: Probes) -> Self {
        Self {
            entry: p.entry.to_string(),
            block: p.block.to_string(),
            rate_plan: p.plan.to_string(),
            tax_rule: p.tax.to_string(),
            company: p.company.to_string(),
            invoice: p.invoice.to_string(),
            message: p.message.to_string(),
            ..self
        }
    }

    pub fn of(org: &Org, membership: AssociationId) -> Self {
        Self {
            tenant: org.id.to_string(),
            hotel: org.hotel.to_string(),
            room_type: org.room_type.to_string(),
            room: org.rooms[0].to_string(),
            guest: org.guest.to_string(),
            reservation: org.reservation.to_string(),
            membership: membership.to_string(),
            entry: String::new(),
            block: String::new(),
            rate_plan: String::new(),
            tax_rule: String::new(),
            company: String::new(),
            invoice: String::new(),
            message: String::new(),
            lang: "en".into(),
        }
    }

    pub fn all(&self) -> Vec<String> {
        vec![
            self.tenant.clone(),
            self.hotel.clone(),
            self.room_type.clone(),
            self.room.clone(),
            self.guest.clone(),
            self.reservation.clone(),
            self.membership.clone(),
            self.entry.clone(),
            self.block.clone(),
            self.rate_plan.clone(),
            self.tax_rule.clone(),
            self.company.clone(),
            self.invoice.clone(),
            self.message.clone(),
        ]
        .into_iter()
        .filter(|id| !id.is_empty())
        .collect()
    }

    /// The id for a route whose `{id}` sits under `/segment/`. Panics on a segment this
    /// suite does not know, so that a new kind of `{id}` route cannot go untested.
    pub fn for_segment(&self, path: &str) -> &str {
        let segment = path.trim_start_matches('/').split('/').next().unwrap_or_default();
        match segment {
            "hotels" => &self.hotel,
            "room-types" => &self.room_type,
            "rooms" => &self.room,
            "guests" => &self.guest,
            "members" => &self.membership,
            "room-blocks" => &self.block,
            "rate-plans" => &self.rate_plan,
            "tax-rules" => &self.tax_rule,
            "invoices" => &self.invoice,
            "companies" => &self.company,
            "reservations" | "kiosk" => &self.reservation,
            "platform" => &self.tenant,
            other => panic!(
                "route {path}: its {{id}} sits under /{other}/, which the HTTP suites cannot map to a record; \
                 teach web::Ids::for_segment which record that is"
            ),
        }
    }

    /// `path` with its `{id}` filled in. Panics on any other placeholder.
    pub fn fill(&self, path: &str) -> String {
        let filled = if path.contains("{id}") { path.replace("{id}", self.for_segment(path)) } else { path.to_owned() };
        let filled = filled.replace("{entry}", &self.entry).replace("{message}", &self.message);
        let filled = filled.replace("{event}", "booking_confirmed").replace("{lang}", &self.lang);
        assert!(!filled.contains('{'), "route {path} has a placeholder the HTTP suites do not know");
        filled
    }
}

/// A form body that most POST routes would accept: the union of the fields of every form,
/// filled with valid values and `ids`. Used where a route must be refused for a reason
/// other than bad input (CSRF, role, tenant), so that the refusal is the only thing
/// standing between the request and a change.
pub fn probe_form(ids: &Ids) -> Vec<(String, String)> {
    let fields: Vec<(&str, &str)> = vec![
        ("code", "PROBE1"),
        ("name", "Probe Name"),
        ("brand", "Probe Brand"),
        ("address", "1 Probe Street"),
        ("city", "Probe City"),
        ("country", "PT"),
        ("timezone", "UTC"),
        ("star_rating", "3"),
        ("email", "probe@example.test"),
        ("phone", "+1 555 0100"),
        ("is_active", "on"),
        ("version", "1"),
        ("description", "Probe description"),
        ("base_occupancy", "2"),
        ("max_occupancy", "3"),
        ("base_rate", "99"),
        ("number", "P-1"),
        ("floor", "2"),
        ("housekeeping_status", "clean"),
        ("status", "dirty"),
        ("notes", "Probe notes"),
        ("subject", "Probe subject"),
        ("body", "Probe body for {{guest_name}}"),
        ("note", "Probe note"),
        ("from_name", "Probe Desk"),
        ("reply_to", "desk@example.test"),
        ("signature", "The probe desk"),
        ("pre_arrival_days", "3"),
        ("first_name", "Probe"),
        ("last_name", "Person"),
        ("full_name", "Probe Person"),
        ("role", "viewer"),
        ("tenant_id", &ids.tenant),
        ("hotel_id", &ids.hotel),
        ("room_type_id", &ids.room_type),
        ("room_id", &ids.room),
        ("guest_id", &ids.guest),
        ("reservation_id", &ids.reservation),
        ("membership_id", &ids.membership),
        ("rate_plan", &ids.rate_plan),
        ("room_type", &ids.room_type),
        ("hotel", &ids.hotel),
        ("from", "2030-01-01"),
        ("to", "2030-01-31"),
        ("mon", "on"),
        ("min_stay", "2"),
    ];
    fields.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

// ---- Routes ---------------------------------------------------------------------------------

pub fn tenant_routes() -> impl Iterator<Item = &'static hotelier::web::Route> {
    ROUTES.iter().filter(|r| matches!(r.access, RouteAccess::Tenant(_)))
}

pub fn is_post(route: &hotelier::web::Route) -> bool {
    match route.method {
        "Get" => false,
        "Post" => true,
        other => panic!("route {} {}: the HTTP suites only know Get and Post", other, route.path),
    }
}
