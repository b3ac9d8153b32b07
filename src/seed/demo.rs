//! Demo data for `serve --demo`: three organizations with hotels, rooms, guests and about
//! two thousand bookings around today, from a fixed seed. The same day gives the same
//! data; dates are relative to each hotel's today.

use crate::i18n::Tr;
use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{rates, taxes};
use crate::domain::tax;
use crate::stays;

use crate::db::folio::NewFolioEntry;
use crate::db::guests::GuestFields;
use crate::db::hotels::HotelFields;
use crate::db::invoices::CompanyFields;
use crate::db::memberships::NewMembership;
use crate::db::nights::ReservationNight;
use crate::db::reservations::NewReservation;
use crate::db::room_blocks::NewRoomBlock;
use crate::db::room_types::RoomTypeFields;
use crate::db::rooms::{Room, RoomFields};
use crate::db::scope::{PlatformGrant, PlatformScope, TenantScope};
use crate::db::tenants::NewTenant;
use crate::db::users::NewUser;
use crate::db::{Access, Db, DbResult};
use crate::domain::booking::confirmation_code;
use crate::domain::enums::*;
use crate::domain::ids::{GuestId, TenantId, UserId};
use crate::domain::settings::TenantSettings;
use crate::domain::Timestamp;

pub const PASSWORD: &str = "hotelier-demo";
const SEED: u64 = 0x4845_4C49_4552; // "HOTELIER"

pub const LOGINS: &str = "\
Demo logins (password for all: hotelier-demo)
  super@hotelier.demo                  super admin (platform)
  owner@aurora-hotels.demo             owner    · Aurora Hotels (chain, USD)
  manager@aurora-hotels.demo           manager  · Aurora Hotels
  staff@aurora-hotels.demo             staff    · Aurora Hotels
  viewer@aurora-hotels.demo            viewer   · Aurora Hotels
  owner@casa-do-mar.demo               owner    · Casa do Mar (independent, BRL)
  manager@casa-do-mar.demo             manager  · Casa do Mar
  staff@casa-do-mar.demo               staff    · Casa do Mar
  viewer@casa-do-mar.demo              viewer   · Casa do Mar
  owner@summit-hospitality.demo        owner    · Summit Hospitality (management company, EUR)
  manager@summit-hospitality.demo      manager  · Summit Hospitality
  staff@summit-hospitality.demo        staff    · Summit Hospitality
  viewer@summit-hospitality.demo       viewer   · Summit Hospitality
  frontdesk@hotelier.demo              staff    · Aurora Hotels and Casa do Mar";

struct OrgSpec {
    slug: &'static str,
    name: &'static str,
    kind: TenantKind,
    plan: Plan,
    currency: &'static str,
    timezone: &'static str,
    locale: &'static str,
    guests: usize,
    hotels: &'static [HotelSpec],
    first_names: &'static [&'static str],
    last_names: &'static [&'static str],
    country: &'static str,
    /// (legal name, tax registration) printed on its invoices.
    legal: (&'static str, &'static str),
    /// A company it bills some stays to: (name, tax id, address, email).
    client: (&'static str, &'static str, &'static str, &'static str),
}

struct HotelSpec {
    code: &'static str,
    name: &'static str,
    city: &'static str,
    timezone: &'static str,
    stars: i32,
    /// (code, name, base occupancy, max occupancy, nightly rate in minor units, rooms)
    types: &'static [(&'static str, &'static str, i32, i32, i64, usize)],
}

const ORGS: &[OrgSpec] = &[
    OrgSpec {
        slug: "aurora-hotels",
        name: "Aurora Hotels",
        kind: TenantKind::Chain,
        plan: Plan::Enterprise,
        currency: "USD",
        timezone: "America/New_York",
        locale: "en",
        guests: 140,
        country: "US",
        legal: ("Aurora Hotels Inc.", "EIN 36-4821907"),
        client: (
            "Globex Corporate Travel LLC",
            "EIN 84-2219305",
            "350 Fifth Avenue, New York, NY 10118",
            "ap@globex.example",
        ),
        hotels: &[
            HotelSpec {
                code: "NYC",
                name: "Aurora Midtown Manhattan",
                city: "New York",
                timezone: "America/New_York",
                stars: 4,
                types: &[
                    ("STD", "Standard Queen", 2, 2, 21_900, 14),
                    ("DLX", "Deluxe King", 2, 3, 28_900, 10),
                    ("STE", "Skyline Suite", 2, 4, 49_900, 6),
                ],
            },
            HotelSpec {
                code: "MIA",
                name: "Aurora South Beach",
                city: "Miami Beach",
                timezone: "America/New_York",
                stars: 4,
                types: &[
                    ("STD", "Garden View Double", 2, 4, 18_900, 12),
                    ("OCN", "Ocean View King", 2, 3, 26_900, 9),
                    ("STE", "Beach Suite", 2, 5, 42_900, 4),
                ],
            },
            HotelSpec {
                code: "CHI",
                name: "Aurora Chicago Loop",
                city: "Chicago",
                timezone: "America/Chicago",
                stars: 3,
                types: &[("STD", "Standard Double", 2, 4, 15_900, 15), ("KNG", "Executive King", 2, 2, 21_900, 10)],
            },
        ],
        first_names: &[
            "James",
            "Mary",
            "Robert",
            "Patricia",
            "John",
            "Jennifer",
            "Michael",
            "Linda",
            "David",
            "Elizabeth",
            "William",
            "Barbara",
            "Richard",
            "Susan",
            "Joseph",
            "Jessica",
            "Thomas",
            "Sarah",
            "Carlos",
            "Maria",
            "Wei",
            "Aisha",
            "Hiroshi",
            "Priya",
        ],
        last_names: &[
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Garcia",
            "Miller",
            "Davis",
            "Rodriguez",
            "Martinez",
            "Hernandez",
            "Lopez",
            "Wilson",
            "Anderson",
            "Taylor",
            "Moore",
            "Jackson",
            "Lee",
            "Chen",
            "Patel",
            "Nguyen",
            "Kim",
        ],
    },
    OrgSpec {
        slug: "casa-do-mar",
        name: "Casa do Mar",
        kind: TenantKind::Independent,
        plan: Plan::Starter,
        currency: "BRL",
        timezone: "America/Sao_Paulo",
        locale: "pt",
        guests: 60,
        country: "BR",
        legal: ("Casa do Mar Hotelaria Ltda.", "CNPJ 12.345.678/0001-95"),
        client: (
            "Viagens Atlântico Ltda.",
            "CNPJ 45.987.321/0001-10",
            "Av. Paulista 1000, São Paulo, SP",
            "financeiro@atlantico.example",
        ),
        hotels: &[HotelSpec {
            code: "FLN",
            name: "Pousada Casa do Mar",
            city: "Florianópolis",
            timezone: "America/Sao_Paulo",
            stars: 3,
            types: &[
                ("STD", "Quarto Standard", 2, 3, 42_000, 10),
                ("VMR", "Vista Mar", 2, 3, 58_000, 7),
                ("FAM", "Suíte Família", 3, 5, 79_000, 3),
            ],
        }],
        first_names: &[
            "Ana", "João", "Maria", "Pedro", "Beatriz", "Lucas", "Juliana", "Gabriel", "Fernanda", "Rafael", "Camila",
            "Mateus", "Larissa", "Thiago",
        ],
        last_names: &[
            "Silva",
            "Santos",
            "Oliveira",
            "Souza",
            "Pereira",
            "Costa",
            "Rodrigues",
            "Almeida",
            "Nascimento",
            "Lima",
            "Araújo",
            "Ribeiro",
        ],
    },
    OrgSpec {
        slug: "summit-hospitality",
        name: "Summit Hospitality",
        kind: TenantKind::ManagementCompany,
        plan: Plan::Professional,
        currency: "EUR",
        timezone: "Europe/Lisbon",
        locale: "en",
        guests: 100,
        country: "PT",
        legal: ("Summit Hospitality, S.A.", "NIF PT514276830"),
        client: (
            "Iberia Eventos, S.L.",
            "NIF ESB87654321",
            "Calle de Alcalá 50, 28014 Madrid",
            "facturas@iberia-eventos.example",
        ),
        hotels: &[
            HotelSpec {
                code: "LIS",
                name: "Summit Chiado Lisboa",
                city: "Lisboa",
                timezone: "Europe/Lisbon",
                stars: 5,
                types: &[
                    ("DBL", "Classic Double", 2, 2, 16_500, 13),
                    ("DLX", "Deluxe River View", 2, 3, 23_500, 8),
                    ("STE", "Chiado Suite", 2, 4, 38_000, 4),
                ],
            },
            HotelSpec {
                code: "OPO",
                name: "Summit Ribeira Porto",
                city: "Porto",
                timezone: "Europe/Lisbon",
                stars: 4,
                types: &[("DBL", "Superior Double", 2, 2, 12_900, 15), ("FAM", "Family Room", 3, 4, 17_900, 10)],
            },
        ],
        first_names: &[
            "Sofia", "Miguel", "Inês", "Tiago", "Emma", "Lukas", "Chloé", "Lorenzo", "Olivia", "Noah", "Marta",
            "Pablo", "Freya", "Jan", "Amélie", "Diogo",
        ],
        last_names: &[
            "Ferreira",
            "Martins",
            "Gonçalves",
            "Müller",
            "Dubois",
            "Rossi",
            "García",
            "Jansen",
            "Smith",
            "Kowalski",
            "Andersson",
            "Carvalho",
            "Sousa",
            "Lefèvre",
        ],
    },
];

/// Seeds the demo organizations if the database has none. Returns the report to print.
pub fn seed_if_empty(db: &Db) -> anyhow::Result<Option<String>> {
    let grant = PlatformGrant::operator();
    if db.platform(&grant, Access::Read, |p| p.tenants().count())? > 0 {
        return Ok(None);
    }
    let started = std::time::Instant::now();
    let hash = crate::domain::password::hash(PASSWORD)?;
    let counts = db.platform(&grant, Access::Write, |p| seed(p, &hash))?;
    Ok(Some(format!(
        "Demo data seeded in {:.1}s: {} organizations, {} hotels, {} rooms, {} guests, {} reservations, {} folio entries.\n{LOGINS}",
        started.elapsed().as_secs_f32(),
        counts.tenants,
        counts.hotels,
        counts.rooms,
        counts.guests,
        counts.reservations,
        counts.folio_entries
    )))
}

#[derive(Default, Debug)]
pub struct Counts {
    pub tenants: usize,
    pub hotels: usize,
    pub rooms: usize,
    pub guests: usize,
    pub reservations: usize,
    pub folio_entries: usize,
}

fn seed(p: &mut PlatformScope<'_>, hash: &str) -> DbResult<Counts> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut counts = Counts::default();
    let user = |p: &mut PlatformScope<'_>, email: &str, name: &str, super_admin: bool| {
        p.users().create(&NewUser {
            id: UserId::new(),
            email: email.into(),
            full_name: name.into(),
            password_hash: hash.into(),
            is_super_admin: super_admin,
        })
    };
    user(p, "super@hotelier.demo", "Sam Super", true)?;
    let frontdesk = user(p, "frontdesk@hotelier.demo", "Frankie Desk", false)?;

    for org in ORGS {
        let tenant = TenantId::new();
        let settings = TenantSettings {
            overbooking_percent: if org.kind == TenantKind::Chain { 5 } else { 0 },
            payment_methods: vec![PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::BankTransfer],
            languages: if org.locale == "pt" { vec!["pt".into(), "en".into()] } else { vec!["en".into()] },
            legal_name: org.legal.0.into(),
            tax_id: org.legal.1.into(),
            ..TenantSettings::default()
        };
        p.tenants().create(&NewTenant {
            id: tenant,
            name: org.name.into(),
            slug: org.slug.into(),
            kind: org.kind,
            status: TenantStatus::Active,
            email: Some(format!("hello@{}.demo", org.slug)),
            phone: None,
            address: None,
            currency: org.currency.into(),
            timezone: org.timezone.into(),
            locale: org.locale.into(),
            plan: org.plan,
            trial_ends_at: None,
            settings: settings.to_json().into(),
        })?;
        counts.tenants += 1;

        let mut members = Vec::new();
        for role in [Role::Owner, Role::Manager, Role::Staff, Role::Viewer] {
            let email = format!("{}@{}.demo", role.as_str(), org.slug);
            let name = org_words(org).t2("demo-member-name", "role", org_words(org).label(role), "org", org.name);
            members.push((user(p, &email, &name, false)?, role, true));
        }
        if org.slug != "summit-hospitality" {
            members.push((frontdesk, Role::Staff, org.slug == "aurora-hotels"));
        }
        let mut t = p.tenant(tenant);
        for (user_id, role, is_primary) in members {
            // The shared front-desk login may take payments at the kiosk.
            let permissions = if user_id == frontdesk { vec!["payments:create".to_owned()] } else { vec![] };
            t.memberships().create(&NewMembership { user_id, role, permissions, is_primary, expires_at: None })?;
        }
        seed_org(&mut t, org, &mut rng, &mut counts)?;
    }
    Ok(counts)
}

/// Words of the demo in `org`'s language.
fn org_words(org: &OrgSpec) -> Tr {
    Tr::new(crate::i18n::negotiate([org.locale]), crate::i18n::Currency::of(org.currency))
}

fn seed_org(t: &mut TenantScope<'_>, org: &OrgSpec, rng: &mut ChaCha8Rng, counts: &mut Counts) -> DbResult<()> {
    // The demo's own words (a block's reason, a folio line) in the organization's language.
    let words = org_words(org);
    let desk = Desk(t.organization()?);
    let guests = seed_guests(t, org, rng)?;
    counts.guests += guests.len();
    let (name, tax_id, address, email) = org.client;
    let client = t.companies().create(&CompanyFields {
        name: name.into(),
        tax_id: Some(tax_id.into()),
        address: Some(address.into()),
        email: Some(email.into()),
    })?;
    let shared = OrgSeed { words: &words, desk: &desk, guests: &guests, client: client.id };
    for spec in org.hotels {
        let (hotel, types, today) = create_hotel(t, org, spec)?;
        counts.hotels += 1;
        let seed = hotel_money(t, org, &shared, hotel, &types, today)?;
        let mut number = 0;
        for ((room_type, _), &(_, _, _, max, _, rooms)) in types.iter().zip(spec.types) {
            for _ in 0..rooms {
                number += 1;
                seed_room(t, &seed, room_type.id, max, number, rng, counts)?;
            }
        }
    }
    Ok(())
}

/// What every hotel of an organization seeds with.
struct OrgSeed<'a> {
    words: &'a Tr,
    desk: &'a Desk,
    guests: &'a [GuestId],
    /// The company one invoiced stay in four is billed to.
    client: crate::domain::CompanyId,
}

/// What seeding one hotel's rooms and stays needs.
struct HotelSeed<'a> {
    hotel: crate::domain::ids::HotelId,
    today: NaiveDate,
    rates: rates::HotelRates,
    tax: Taxing,
    org: &'a OrgSeed<'a>,
}

/// A room type and its rate.
type TypeRate = (crate::db::room_types::RoomType, i64);

/// A hotel of `org` with its room types (and each type's rate), and the hotel's today.
fn create_hotel(
    t: &mut TenantScope<'_>,
    org: &OrgSpec,
    spec: &HotelSpec,
) -> DbResult<(crate::db::hotels::Hotel, Vec<TypeRate>, NaiveDate)> {
    let hotel = t.hotels().create(&HotelFields {
        code: spec.code.into(),
        name: spec.name.into(),
        brand: (org.kind == TenantKind::Chain).then(|| org.name.into()),
        address: None,
        city: Some(spec.city.into()),
        country: Some(org.country.into()),
        timezone: spec.timezone.into(),
        star_rating: Some(spec.stars),
        email: None,
        phone: None,
        is_active: true,
    })?;
    let tz: chrono_tz::Tz = spec.timezone.parse().unwrap_or(chrono_tz::UTC);
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let mut types = Vec::new();
    for &(code, name, base, max, rate, _) in spec.types {
        let fields = RoomTypeFields {
            code: code.into(),
            name: name.into(),
            description: None,
            base_occupancy: base,
            max_occupancy: max,
            base_rate: rate,
            is_active: true,
        };
        types.push((t.room_types().create(hotel.id, &fields)?, rate));
    }
    Ok((hotel, types, today))
}

/// The hotel's rate plans and tax rules, written; what its stays are priced and taxed by.
fn hotel_money<'a>(
    t: &mut TenantScope<'_>,
    org: &OrgSpec,
    shared: &'a OrgSeed<'a>,
    hotel: crate::db::hotels::Hotel,
    types: &[TypeRate],
    today: NaiveDate,
) -> DbResult<HotelSeed<'a>> {
    let names = (shared.words.t("demo-plan-bar"), shared.words.t("demo-plan-nrf"), shared.words.t("demo-plan-bb"));
    let priced: Vec<_> = types.iter().map(|(rt, rate)| (rt.id, *rate)).collect();
    let from = today - Duration::days(120);
    let rates = rates::hotel_rates(t.tenant_id(), hotel.id, &priced, names, from, 240, Timestamp::now());
    t.rate_plans().add_rows(rates.plans.clone(), rates.prices.clone(), rates.days.clone())?;
    let since = today - Duration::days(400);
    let rules = taxes::hotel_rules(t.tenant_id(), hotel.id, org.country, shared.words, since, Timestamp::now());
    let tax = Taxing { rules: rules.iter().map(|r| r.rule()).collect() };
    t.tax_rules().add_rows(rules)?;
    Ok(HotelSeed { hotel: hotel.id, today, rates, tax, org: shared })
}

/// Room `number` of a type, and its stays around today.
fn seed_room(
    t: &mut TenantScope<'_>,
    seed: &HotelSeed<'_>,
    room_type: crate::domain::ids::RoomTypeId,
    max: i32,
    number: i32,
    rng: &mut ChaCha8Rng,
    counts: &mut Counts,
) -> DbResult<()> {
    let floor = 1 + (number - 1) / 10;
    // About one room in thirty is out of order for a few nights from today (when no stay
    // holds it then), the rest clean, dirty or inspected.
    let (housekeeping, out_of_order) = match rng.gen_range(0..100) {
        0..=69 => (HousekeepingStatus::Clean, false),
        70..=84 => (HousekeepingStatus::Dirty, false),
        85..=96 => (HousekeepingStatus::Inspected, false),
        _ => (HousekeepingStatus::Dirty, true),
    };
    let room = t.rooms().create(
        seed.hotel,
        &RoomFields {
            room_type_id: room_type,
            number: format!("{}{:02}", floor, (number - 1) % 10 + 1),
            floor: Some(floor),
            housekeeping_status: housekeeping,
            is_active: true,
            notes: None,
        },
    )?;
    counts.rooms += 1;
    let stays = room_timeline(rng, seed.today);
    if out_of_order {
        block_if_free(t, seed.org.words, &room, &stays, seed.today)?;
    }
    for (check_in, nights) in stays {
        let guest = *seed.org.guests.choose(rng).expect("guests");
        let mut new = stay(rng, seed.hotel, room_type, room.id, guest, check_in, nights, max, seed.today);
        // One stay in five on the non-refundable plan.
        let nrf = rng.gen_bool(0.2);
        let priced = seed.rates.nights(room_type, new.check_in, new.check_out, nrf);
        new.total_amount = priced.iter().map(|(_, p)| p).sum();
        new.nightly_rate = new.total_amount / nights;
        let reservation = t.reservations().create(&new)?;
        let plan = Some(if nrf { seed.rates.nrf() } else { seed.rates.bar() });
        let rows = priced.iter().map(|(n, p)| ReservationNight::new(reservation.id, *n, plan, *p));
        t.nights().write(rows.collect())?;
        counts.reservations += 1;
        counts.folio_entries += post_folio(t, seed.org.words, rng, &reservation, &priced, &seed.tax, seed.today)?;
        // The stays that left in the last two months were invoiced at check-out.
        if reservation.status == ReservationStatus::CheckedOut
            && reservation.check_out >= seed.today - Duration::days(60)
        {
            let bill_to = if counts.reservations.is_multiple_of(4) {
                stays::BillTo::Company(seed.org.client)
            } else {
                stays::BillTo::Guest
            };
            let issue = stays::Issue { reservation: reservation.id, entries: None, bill_to };
            stays::invoicing::issue(t, seed.org.desk, &issue).map_err(|e| match e {
                stays::StayError::Db(e) => e,
                other => crate::db::DbError::Check(other.to_string()),
            })?;
        }
    }
    Ok(())
}

fn seed_guests(t: &mut TenantScope<'_>, org: &OrgSpec, rng: &mut ChaCha8Rng) -> DbResult<Vec<GuestId>> {
    let mut ids = Vec::with_capacity(org.guests);
    for i in 0..org.guests {
        let first = *org.first_names.choose(rng).expect("names");
        let last = *org.last_names.choose(rng).expect("names");
        let ascii = email_name(first, last);
        let guest = t.guests().create(&GuestFields {
            first_name: first.into(),
            last_name: last.into(),
            email: (i % 7 != 0).then(|| format!("{ascii}{i}@example.com")),
            phone: (i % 3 != 0).then(|| format!("+{} 555 {:04}", if org.country == "US" { 1 } else { 351 }, 1000 + i)),
            document_type: (i % 4 == 0).then_some(DocumentType::Passport),
            document_number: (i % 4 == 0).then(|| format!("P{:08}", rng.gen_range(10_000_000..99_999_999))),
            nationality: Some(if i % 5 == 0 { "GB" } else { org.country }.into()),
            notes: None,
            vip: i % 23 == 0,
            // A few foreign guests read their messages in English.
            language: (i % 5 == 0 && org.country != "US").then(|| "en".into()),
            no_marketing: i % 11 == 0,
            no_email: false,
        })?;
        ids.push(guest.id);
    }
    Ok(ids)
}

/// `first.last` in lower-case ASCII, for a made-up email address.
pub(super) fn email_name(first: &str, last: &str) -> String {
    format!("{first}.{last}")
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'ã' | 'â' => 'a',
            'é' | 'ê' | 'è' => 'e',
            'í' => 'i',
            'ó' | 'ô' => 'o',
            'ú' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Every first name and every last name of the demo organizations' guests, once each.
pub(super) fn guest_names() -> (Vec<&'static str>, Vec<&'static str>) {
    let mut first: Vec<&'static str> = ORGS.iter().flat_map(|o| o.first_names.iter().copied()).collect();
    let mut last: Vec<&'static str> = ORGS.iter().flat_map(|o| o.last_names.iter().copied()).collect();
    for names in [&mut first, &mut last] {
        names.sort_unstable();
        names.dedup();
    }
    (first, last)
}

/// Non-overlapping stays for one room from 60 days ago to 90 days ahead.
/// Takes `room` out of order for three nights from `today`, unless one of its `stays`
/// (arrival, nights) is there then.
fn block_if_free(
    t: &mut TenantScope<'_>,
    words: &Tr,
    room: &Room,
    stays: &[(NaiveDate, i64)],
    today: NaiveDate,
) -> DbResult<()> {
    let until = today + Duration::days(3);
    if stays.iter().all(|&(check_in, nights)| check_in >= until || check_in + Duration::days(nights) <= today) {
        t.room_blocks().create(&NewRoomBlock {
            hotel_id: room.hotel_id,
            room_id: room.id,
            kind: BlockKind::OutOfOrder,
            starts_on: today,
            ends_on: until,
            reason: words.t("demo-block-reason"),
        })?;
    }
    Ok(())
}

fn room_timeline(rng: &mut ChaCha8Rng, today: NaiveDate) -> Vec<(NaiveDate, i64)> {
    let mut stays = Vec::new();
    let end = today + Duration::days(90);
    let mut day = today - Duration::days(60) + Duration::days(rng.gen_range(0..5));
    while day < end {
        let nights = *[1, 1, 2, 2, 2, 3, 3, 4, 5, 7].choose(rng).expect("nights");
        stays.push((day, nights));
        // Busier around today than far ahead.
        let gap = if (day - today).num_days() > 30 { rng.gen_range(4..18) } else { rng.gen_range(2..12) };
        day += Duration::days(nights + gap);
    }
    stays
}

/// One stay of a room from `check_in` for `nights`, with a status that fits its dates
/// (checked out or cancelled in the past, in house today, mostly confirmed ahead), a
/// rate near the room type's, and a source, party size and confirmation code.
#[allow(clippy::too_many_arguments)]
pub(super) fn stay(
    rng: &mut ChaCha8Rng,
    hotel_id: crate::domain::ids::HotelId,
    room_type_id: crate::domain::ids::RoomTypeId,
    room_id: crate::domain::ids::RoomId,
    guest_id: GuestId,
    check_in: NaiveDate,
    nights: i64,
    max_occupancy: i32,
    today: NaiveDate,
) -> NewReservation {
    let check_out = check_in + Duration::days(nights);
    let roll = rng.gen_range(0..100);
    // Stays ending today are still in house: they make the desk's departures.
    let status = if check_out < today {
        match roll {
            0..=5 => ReservationStatus::Cancelled,
            6..=8 => ReservationStatus::NoShow,
            _ => ReservationStatus::CheckedOut,
        }
    } else if check_in <= today {
        // In house (or leaving today); a stay due in today may still be on its way.
        if check_in == today && roll < 50 {
            ReservationStatus::Confirmed
        } else {
            ReservationStatus::CheckedIn
        }
    } else {
        match roll {
            0..=6 => ReservationStatus::Cancelled,
            7..=16 => ReservationStatus::Pending,
            _ => ReservationStatus::Confirmed,
        }
    };
    let source = *[
        ReservationSource::Direct,
        ReservationSource::Website,
        ReservationSource::Website,
        ReservationSource::Ota,
        ReservationSource::Ota,
        ReservationSource::Ota,
        ReservationSource::Phone,
        ReservationSource::Corporate,
        ReservationSource::WalkIn,
        ReservationSource::Agent,
    ]
    .choose(rng)
    .expect("sources");
    NewReservation {
        hotel_id,
        room_type_id,
        room_id: Some(room_id),
        guest_id,
        confirmation_code: confirmation_code(rng),
        check_in,
        check_out,
        adults: rng.gen_range(1..=max_occupancy.min(2)),
        children: if max_occupancy > 2 { rng.gen_range(0..=(max_occupancy - 2).min(2)) } else { 0 },
        status,
        // Priced by the caller, night by night, from the hotel's plans.
        nightly_rate: 0,
        total_amount: 0,
        source,
        notes: None,
    }
}

/// Room charges for the nights already slept, and payments as a real desk would take them.
fn post_folio(
    t: &mut TenantScope<'_>,
    words: &Tr,
    rng: &mut ChaCha8Rng,
    r: &crate::db::reservations::Reservation,
    nights: &[(NaiveDate, i64)],
    tax: &Taxing,
    today: NaiveDate,
) -> DbResult<usize> {
    let mut posted = 0;
    let slept_until = match r.status {
        ReservationStatus::CheckedOut => r.check_out,
        ReservationStatus::CheckedIn => today.min(r.check_out),
        _ => r.check_in,
    };
    let mut charged = 0;
    for &(night, price) in nights.iter().filter(|(night, _)| *night < slept_until) {
        let entry = t.folio().post(&NewFolioEntry {
            reservation_id: r.id,
            kind: FolioKind::RoomCharge,
            description: format!("Room, night of {night}"),
            amount: price,
            method: None,
            reference: None,
            service_date: Some(night),
        })?;
        let room = Some((r.adults, r.children));
        charged += price + tax.post(t, entry, tax::Charge { amount: price, date: night, room })?;
        posted += 1;
    }
    if r.status == ReservationStatus::CheckedOut {
        if rng.gen_bool(0.3) {
            let minibar = t.folio().post(&NewFolioEntry {
                reservation_id: r.id,
                kind: FolioKind::Charge,
                description: words.t("demo-minibar"),
                amount: 1_200,
                method: None,
                reference: None,
                service_date: Some(r.check_out - Duration::days(1)),
            })?;
            let date = r.check_out - Duration::days(1);
            let added = tax.post(t, minibar, tax::Charge { amount: 1_200, date, room: None })?;
            posted += 1;
            posted += pay(t, words, r, charged + 1_200 + added, rng)?;
        } else {
            posted += pay(t, words, r, charged, rng)?;
        }
    } else if r.status == ReservationStatus::CheckedIn
        || (r.status == ReservationStatus::Confirmed && rng.gen_bool(0.25))
    {
        // A deposit of the first night.
        posted += pay(t, words, r, nights.first().map_or(0, |(_, p)| *p), rng)?;
    }
    Ok(posted)
}

/// The demo's front desk: the operations it runs (an invoice at check-out) as the desk
/// would, with every right, audited as the system.
struct Desk(crate::db::tenants::Tenant);

impl stays::Actor for Desk {
    fn can(&self, _: crate::domain::roles::Capability) -> bool {
        true
    }
    fn tenant(&self) -> &crate::db::tenants::Tenant {
        &self.0
    }
    fn audit(&self, s: &mut TenantScope<'_>, event: crate::db::audit::Event) -> Result<(), crate::db::DbError> {
        s.audit(&event)
    }
}

/// A hotel's tax rules, for the charges the demo posts.
struct Taxing {
    rules: Vec<tax::Rule>,
}

impl Taxing {
    /// Writes the tax lines of `entry`; answers what they add on top of its amount.
    fn post(&self, t: &mut TenantScope<'_>, entry: crate::domain::FolioEntryId, charge: tax::Charge) -> DbResult<i64> {
        let lines = tax::lines(&self.rules, &charge);
        if !lines.is_empty() {
            t.tax_rules().add_lines(entry, &lines)?;
        }
        Ok(tax::added(&lines))
    }
}

fn pay(
    t: &mut TenantScope<'_>,
    words: &Tr,
    r: &crate::db::reservations::Reservation,
    amount: i64,
    rng: &mut ChaCha8Rng,
) -> DbResult<usize> {
    if amount <= 0 {
        return Ok(0);
    }
    let method = if rng.gen_bool(0.8) { PaymentMethod::Card } else { PaymentMethod::Cash };
    t.folio().post(&NewFolioEntry {
        reservation_id: r.id,
        kind: FolioKind::Payment,
        description: words.t("demo-payment"),
        amount,
        method: Some(method),
        reference: None,
        service_date: None,
    })?;
    Ok(1)
}
