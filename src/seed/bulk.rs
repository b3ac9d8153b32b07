//! What `hotelier seed` writes, decided in memory before anything is written. The same
//! arguments give the same data on the same day: every choice comes from ChaCha8 streams
//! with fixed seeds, one pair per organization, so the order in which workers pick
//! organizations up changes nothing. Dates follow each hotel's today; ids are fresh UUIDv7s.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate, NaiveTime};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::demo;
use super::rates::{self, HotelRates};
use super::taxes;
use crate::db::folio::FolioEntry;
use crate::db::guests::Guest;
use crate::db::hotels::Hotel;
use crate::db::memberships::Membership;
use crate::db::nights::ReservationNight;
use crate::db::rates::{RateDay, RatePlan, RatePlanPrice};
use crate::db::reservations::Reservation;
use crate::db::room_types::RoomType;
use crate::db::rooms::Room;
use crate::db::taxes::{FolioTax, TaxRule};
use crate::db::tenants::Tenant;
use crate::db::users::User;
use crate::domain::booking::{confirmation_code, today_in};
use crate::domain::plans::Limited;
use crate::domain::settings::TenantSettings;
use crate::domain::tax;
use crate::domain::*;

const SEED: u64 = 0x5EED_4845_4C49_4552;

/// Stays run from a year back to half a year ahead of each hotel's today.
const PAST_DAYS: i64 = 365;
const FUTURE_DAYS: i64 = 180;
/// About what one room holds over that window at two-thirds occupancy, with the nights
/// below (three on average).
const STAYS_PER_ROOM: usize = 110;
const NIGHTS: [i64; 10] = [1, 1, 2, 2, 2, 3, 3, 4, 5, 7];
/// The big and medium organizations load their stays in units of whole hotels holding
/// at least this many, one transaction each, in parallel.
const STAYS_PER_UNIT: usize = 25_000;
/// The rate calendar has dates set from this many days before today.
const RATED_PAST_DAYS: i64 = 30;

/// Where an organization works.
struct Region {
    currency: &'static str,
    timezone: &'static str,
    locale: &'static str,
    country: &'static str,
    phone: &'static str,
    /// The range of a standard room's nightly rate, in minor units.
    rate: (i64, i64),
    /// (city, hotel code prefix)
    cities: &'static [(&'static str, &'static str)],
}

const REGIONS: &[Region] = &[
    Region {
        currency: "USD",
        timezone: "America/New_York",
        locale: "en",
        country: "US",
        phone: "+1",
        rate: (11_900, 32_900),
        cities: &[("New York", "NYC"), ("Boston", "BOS"), ("Miami", "MIA"), ("Washington", "WAS")],
    },
    Region {
        currency: "USD",
        timezone: "America/Chicago",
        locale: "en",
        country: "US",
        phone: "+1",
        rate: (9_900, 24_900),
        cities: &[("Chicago", "CHI"), ("Dallas", "DAL"), ("Houston", "HOU"), ("New Orleans", "MSY")],
    },
    Region {
        currency: "USD",
        timezone: "America/Los_Angeles",
        locale: "en",
        country: "US",
        phone: "+1",
        rate: (12_900, 34_900),
        cities: &[("Los Angeles", "LAX"), ("San Francisco", "SFO"), ("Seattle", "SEA"), ("San Diego", "SAN")],
    },
    Region {
        currency: "EUR",
        timezone: "Europe/Lisbon",
        locale: "pt",
        country: "PT",
        phone: "+351",
        rate: (7_900, 22_900),
        cities: &[("Lisboa", "LIS"), ("Porto", "OPO"), ("Faro", "FAO")],
    },
    Region {
        currency: "EUR",
        timezone: "Europe/Madrid",
        locale: "es",
        country: "ES",
        phone: "+34",
        rate: (8_900, 24_900),
        cities: &[("Madrid", "MAD"), ("Barcelona", "BCN"), ("Sevilla", "SVQ")],
    },
    Region {
        currency: "GBP",
        timezone: "Europe/London",
        locale: "en",
        country: "GB",
        phone: "+44",
        rate: (9_900, 29_900),
        cities: &[("London", "LON"), ("Edinburgh", "EDI"), ("Manchester", "MAN")],
    },
    Region {
        currency: "BRL",
        timezone: "America/Sao_Paulo",
        locale: "pt",
        country: "BR",
        phone: "+55",
        rate: (29_000, 89_000),
        cities: &[("São Paulo", "SAO"), ("Rio de Janeiro", "RIO"), ("Florianópolis", "FLN")],
    },
];

/// The big chain's hotels spread over the three US regions.
const BIG_REGIONS: [usize; 3] = [0, 1, 2];

/// (slug, name, kind, region) of the medium organizations.
const MEDIUM: &[(&str, &str, TenantKind, usize)] = &[
    ("harbor-group", "Harbor Hospitality Group", TenantKind::ManagementCompany, 0),
    ("iberia-stays", "Iberia Stays", TenantKind::Franchise, 4),
    ("pousadas-do-sul", "Pousadas do Sul", TenantKind::Chain, 6),
];

/// (code, name, base occupancy, max occupancy, rate in percent of the standard room's,
/// share of the rooms in percent)
const ROOM_TYPES: &[(&str, &str, i32, i32, i64, usize)] = &[
    ("STD", "Standard Double", 2, 2, 100, 50),
    ("DLX", "Deluxe King", 2, 3, 135, 30),
    ("FAM", "Family Room", 3, 5, 160, 12),
    ("STE", "Suite", 2, 4, 240, 8),
];

const SMALL_NAMES: (&[&str], &[&str]) = (
    &["Casa", "Villa", "Hotel", "Pousada", "Lodge", "Inn", "Residence", "Quinta"],
    &["Aurora", "Mirador", "Oak Hill", "Bellavista", "Lakeside", "Sol", "Marina", "Olive Grove", "Harbour", "Alameda"],
);

const HOTEL_NAMES: &[&str] = &["Downtown", "Airport", "Central", "Harbor", "Park", "Plaza", "Riverside", "Old Town"];

const CANCELLATION_REASONS: &[&str] = &["Change of plans", "Booked elsewhere", "Trip cancelled", "Duplicate booking"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tier {
    /// `big-chain`, the first organization.
    Big,
    /// Up to three, when there are at least four organizations.
    Medium,
    Small,
}

/// One organization, with its platform rows and the shape of what it will hold.
pub(crate) struct Org {
    pub tier: Tier,
    pub tenant: Tenant,
    pub users: Vec<(User, Role)>,
    /// About how many stays it gets.
    pub target: usize,
    index: usize,
    region: usize,
    /// The rooms of each hotel.
    hotel_rooms: Vec<usize>,
}

/// An organization's hotels, room types, rooms, guests and memberships.
#[derive(Default)]
pub(crate) struct Catalogue {
    pub memberships: Vec<Membership>,
    pub hotels: Vec<Hotel>,
    pub room_types: Vec<RoomType>,
    pub rooms: Vec<Room>,
    pub guests: Vec<Guest>,
    pub rate_plans: Vec<RatePlan>,
    pub rate_plan_prices: Vec<RatePlanPrice>,
    pub rate_days: Vec<RateDay>,
    pub tax_rules: Vec<TaxRule>,
    pub companies: Vec<crate::db::invoices::Company>,
    pub invoice_counters: Vec<crate::db::invoices::InvoiceCounter>,
}

/// Stays of some of an organization's hotels, with their nights and folio entries.
#[derive(Default)]
pub(crate) struct Stays {
    pub reservations: Vec<Reservation>,
    pub nights: Vec<ReservationNight>,
    pub folio: Vec<FolioEntry>,
    pub folio_taxes: Vec<FolioTax>,
    pub invoices: Vec<crate::db::invoices::Invoice>,
    pub invoice_lines: Vec<crate::db::invoices::InvoiceLine>,
}

fn rng(org: usize, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED ^ (org as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    rng.set_stream(stream);
    rng
}

/// Minutes after midnight (UTC) of `day`, but never later than `now`.
fn at(day: NaiveDate, minutes: i64, now: Timestamp) -> Timestamp {
    Timestamp(day.and_time(NaiveTime::MIN).and_utc() + Duration::minutes(minutes)).min(now)
}

fn days_before(now: Timestamp, days: i64) -> Timestamp {
    Timestamp(now.0 - Duration::days(days))
}

/// The organizations to seed: `big-chain` first, then the medium ones, then small ones.
pub(crate) fn organizations(count: usize, reservations: usize, password_hash: &str, now: Timestamp) -> Vec<Org> {
    let mediums = ((count.saturating_sub(1)) / 3).min(MEDIUM.len());
    targets(count, mediums, reservations)
        .into_iter()
        .enumerate()
        .map(|(index, target)| {
            let tier = match index {
                0 => Tier::Big,
                i if i <= mediums => Tier::Medium,
                _ => Tier::Small,
            };
            organization(index, tier, target, password_hash, now)
        })
        .collect()
}

/// Stays per organization. The big one gets 60,000 (at least 50,000 whenever the total
/// allows it while leaving the others a sixth; a twentieth of the total on a larger
/// platform), each medium one a quarter of the big one's (at most half of what is left
/// between them), and the small ones share the rest, each between a half and one and a
/// half of the average: one database of many tenants, most of them small, as a platform's.
fn targets(count: usize, mediums: usize, total: usize) -> Vec<usize> {
    if count == 1 {
        return vec![total];
    }
    let big = 60_000.min(total - total / 6).max(total / 20);
    let rest = total - big;
    let medium = (big / 4).min(rest / (2 * mediums.max(1)));
    let weights: Vec<usize> = (mediums + 1..count).map(|i| 10 + (i * 7) % 21).collect();
    let sum: usize = weights.iter().sum();
    let small_rest = rest - medium * mediums;
    let mut shares: Vec<usize> = weights.iter().map(|w| small_rest * w / sum).collect();
    let mut left = small_rest - shares.iter().sum::<usize>();
    for share in shares.iter_mut() {
        if left == 0 {
            break;
        }
        *share += 1;
        left -= 1;
    }
    std::iter::once(big).chain(std::iter::repeat_n(medium, mediums)).chain(shares).collect()
}

fn organization(index: usize, tier: Tier, target: usize, password_hash: &str, now: Timestamp) -> Org {
    let mut rng = rng(index, 0);
    let (slug, name, kind, region) = identity(&mut rng, index, tier);
    let hotel_rooms = hotel_sizes(&mut rng, tier, target);
    let plan = smallest_plan(tier, &hotel_rooms);
    let (status, trial_ends_at) = match (tier, rng.gen_range(0..100)) {
        (Tier::Small, 0..=5) => (TenantStatus::Trial, Some(Timestamp(now.0 + Duration::days(rng.gen_range(3..30))))),
        (Tier::Small, 6) => (TenantStatus::Suspended, None),
        _ => (TenantStatus::Active, None),
    };
    let r = &REGIONS[region];
    let created_at = days_before(now, rng.gen_range(PAST_DAYS + 30..PAST_DAYS * 3));
    let settings = TenantSettings {
        overbooking_percent: if tier == Tier::Small { 0 } else { 5 },
        payment_methods: vec![PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::BankTransfer],
        languages: if r.locale == "en" { vec!["en".into()] } else { vec![r.locale.into(), "en".into()] },
        ..TenantSettings::default()
    };
    let tenant = Tenant {
        id: TenantId::new(),
        name: name.clone(),
        slug: slug.clone(),
        kind,
        status,
        email: Some(format!("hello@{slug}.example")),
        phone: Some(format!("{} 555 {:04}", r.phone, rng.gen_range(1000..10_000))),
        address: None,
        currency: r.currency.into(),
        timezone: r.timezone.into(),
        locale: r.locale.into(),
        plan,
        trial_ends_at,
        settings: settings.to_json().into(),
        created_at,
        updated_at: created_at,
        deleted_at: None,
        version: 1,
    };
    let users = [Role::Owner, Role::Manager, Role::Staff]
        .into_iter()
        .map(|role| (member(role, &slug, &name, password_hash, created_at), role))
        .collect();
    Org { tier, tenant, users, target, index, region, hotel_rooms }
}

/// Slug, name, kind and region: fixed for the big and medium organizations, drawn for a
/// small one.
fn identity(rng: &mut ChaCha8Rng, index: usize, tier: Tier) -> (String, String, TenantKind, usize) {
    match tier {
        Tier::Big => ("big-chain".to_owned(), "Big Chain Hotels".to_owned(), TenantKind::Chain, BIG_REGIONS[0]),
        Tier::Medium => {
            let (slug, name, kind, region) = MEDIUM[index - 1];
            (slug.to_owned(), name.to_owned(), kind, region)
        }
        Tier::Small => {
            let kind = match rng.gen_range(0..10) {
                0..=6 => TenantKind::Independent,
                7..=8 => TenantKind::VacationRental,
                _ => TenantKind::Franchise,
            };
            let name =
                format!("{} {}", SMALL_NAMES.0.choose(rng).expect("names"), SMALL_NAMES.1.choose(rng).expect("names"));
            (format!("org-{index:04}"), name, kind, rng.gen_range(0..REGIONS.len()))
        }
    }
}

/// The smallest plan whose limits the organization's hotels and rooms fit (the big one
/// is on Enterprise).
fn smallest_plan(tier: Tier, hotel_rooms: &[usize]) -> Plan {
    if tier == Tier::Big {
        Plan::Enterprise
    } else {
        let fits = |plan: Plan, what: Limited, n: usize| plan.limit(what).is_none_or(|max| n as i64 <= max);
        let rooms = hotel_rooms.iter().sum();
        [Plan::Starter, Plan::Professional, Plan::Enterprise]
            .into_iter()
            .find(|&p| fits(p, Limited::Hotels, hotel_rooms.len()) && fits(p, Limited::Rooms, rooms))
            .expect("enterprise has no limits")
    }
}

/// An owner, manager or staff member, `<role>@<slug>.seed`.
fn member(role: Role, slug: &str, name: &str, password_hash: &str, created_at: Timestamp) -> User {
    User {
        id: UserId::new(),
        email: format!("{}@{slug}.seed", role.as_str()),
        full_name: format!("{} of {name}", crate::i18n::Tr::english().label(role)),
        password_hash: password_hash.to_owned(),
        is_super_admin: false,
        is_active: true,
        failed_logins: 0,
        last_failed_login_at: None,
        locked_until: None,
        session_epoch: 0,
        last_login_at: None,
        created_at,
        updated_at: created_at,
        version: 1,
        kiosk_pin_hash: None,
        language: None,
    }
}

/// Rooms per hotel: enough for the stays, in hotels of a size that fits the tier (a small
/// organization has one hotel unless its stays need more).
fn hotel_sizes(rng: &mut ChaCha8Rng, tier: Tier, target: usize) -> Vec<usize> {
    let needed = target.div_ceil(STAYS_PER_ROOM);
    let sizes = match tier {
        Tier::Big => 80..=220,
        Tier::Medium => 40..=140,
        Tier::Small => 6..=40,
    };
    let mut hotels = vec![rng.gen_range(sizes.clone())];
    while hotels.iter().sum::<usize>() < needed {
        hotels.push(rng.gen_range(sizes.clone()));
    }
    hotels
}

/// (room, its room type, the type's rate and max occupancy)
type PlannedRoom = (RoomId, RoomTypeId, i64, i32);

/// One hotel while its catalogue is made: what its stays need to know.
struct HotelPlan {
    id: HotelId,
    today: NaiveDate,
    /// Index range into the organization's guests: each hotel books its own guests, so
    /// that units loading in parallel never lock the same guest row.
    guests: std::ops::Range<usize>,
    /// Its rooms, in room order.
    rooms: Vec<PlannedRoom>,
    /// Its plans' calendars, which price its stays.
    rates: HotelRates,
    /// Its tax rules, which tax its charges.
    taxes: Vec<tax::Rule>,
}

/// Everything `org` holds: its catalogue, and its stays in units (one for a small
/// organization, several of whole hotels for the others).
pub(crate) fn generate(org: &Org, now: Timestamp) -> (Catalogue, Vec<Stays>) {
    let mut rng = rng(org.index, 1);
    let tenant = org.tenant.id;
    let created = org.tenant.created_at;
    let mut c = Catalogue::default();
    for (user, role) in &org.users {
        c.memberships.push(Membership {
            tenant_id: tenant,
            id: AssociationId::new(),
            user_id: user.id,
            role: *role,
            permissions: JsonValue(serde_json::json!([])),
            is_active: true,
            is_primary: true,
            assigned_at: created,
            expires_at: None,
            last_accessed_at: None,
            created_at: created,
            updated_at: created,
            version: 1,
        });
    }
    let total_rooms: usize = org.hotel_rooms.iter().sum();
    let guest_count = (org.target / 3).max(20);
    let mut hotels = Vec::with_capacity(org.hotel_rooms.len());
    let mut rooms_before = 0;
    for (h, &size) in org.hotel_rooms.iter().enumerate() {
        let region = if org.tier == Tier::Big { BIG_REGIONS[h % BIG_REGIONS.len()] } else { org.region };
        let guests = guest_count * rooms_before / total_rooms..guest_count * (rooms_before + size) / total_rooms;
        rooms_before += size;
        hotels.push(hotel(&mut rng, &mut c, org, h, size, &REGIONS[region], guests, now));
    }
    guests(&mut rng, &mut c, org, guest_count, now);
    let guest_ids: Vec<GuestId> = c.guests.iter().map(|g| g.id).collect();
    let mut units = stays(&mut rng, org, &hotels, &guest_ids, now);
    super::invoices::invoice_check_outs(&org.tenant, &mut c, &mut units);
    (c, units)
}

/// The `h`th hotel of `org` with its rooms, rate plans and tax rules, added to `c`.
#[allow(clippy::too_many_arguments)]
fn hotel(
    rng: &mut ChaCha8Rng,
    c: &mut Catalogue,
    org: &Org,
    h: usize,
    size: usize,
    region: &Region,
    guests: std::ops::Range<usize>,
    now: Timestamp,
) -> HotelPlan {
    let (tenant, created) = (org.tenant.id, org.tenant.created_at);
    let row = hotel_row(rng, org, h, region);
    let id = row.id;
    c.hotels.push(row);
    let (rooms, priced) = room_types(rng, c, org, id, size, region);
    let today = today_in(region.timezone, now.0);
    // Weekend prices from a month ago to the end of the window.
    let names = ("Best available rate".to_owned(), "Non-refundable".to_owned(), "Breakfast included".to_owned());
    let from = today - Duration::days(RATED_PAST_DAYS);
    let rates = rates::hotel_rates(tenant, id, &priced, names, from, RATED_PAST_DAYS + FUTURE_DAYS, created);
    c.rate_plans.extend(rates.plans.iter().cloned());
    c.rate_plan_prices.extend(rates.prices.iter().cloned());
    c.rate_days.extend(rates.days.iter().cloned());
    let words =
        crate::i18n::Tr::new(crate::i18n::negotiate([region.locale]), crate::i18n::Currency::of(region.currency));
    let since = today - Duration::days(PAST_DAYS + 30);
    let rules = taxes::hotel_rules(tenant, id, region.country, &words, since, created);
    let taxes = rules.iter().map(|r| r.rule()).collect();
    c.tax_rules.extend(rules);
    HotelPlan { id, today, guests, rooms, rates, taxes }
}

/// Hotel `id`'s room types and `size` rooms, added to `c`; answers its rooms and each type's rate.
fn room_types(
    rng: &mut ChaCha8Rng,
    c: &mut Catalogue,
    org: &Org,
    id: HotelId,
    size: usize,
    region: &Region,
) -> (Vec<PlannedRoom>, Vec<(RoomTypeId, i64)>) {
    let (tenant, created) = (org.tenant.id, org.tenant.created_at);
    // A few room types; the standard one takes what the shares leave.
    let types = &ROOM_TYPES[..if size < 10 { 2 } else { rng.gen_range(3..=ROOM_TYPES.len()) }];
    let standard_rate = rng.gen_range(region.rate.0..=region.rate.1) / 100 * 100;
    let shares: usize = types.iter().map(|t| t.5).sum();
    let mut counts: Vec<usize> = types.iter().map(|t| (size * t.5 / shares).max(1)).collect();
    counts[0] = size.saturating_sub(counts[1..].iter().sum()).max(1);
    let mut rooms = Vec::with_capacity(size);
    let mut priced = Vec::with_capacity(types.len());
    for (&(code, name, base, max, percent, _), count) in types.iter().zip(counts) {
        let rate = standard_rate * percent / 100 / 100 * 100;
        let room_type = RoomTypeId::new();
        c.room_types.push(RoomType {
            tenant_id: tenant,
            id: room_type,
            hotel_id: id,
            code: code.into(),
            name: name.into(),
            base_occupancy: base,
            max_occupancy: max,
            base_rate: rate,
            description: None,
            is_active: true,
            created_at: created,
            updated_at: created,
            version: 1,
        });
        priced.push((room_type, rate));
        for _ in 0..count {
            let n = rooms.len();
            let floor = 1 + (n / 20) as i32;
            let room = RoomId::new();
            c.rooms.push(Room {
                tenant_id: tenant,
                id: room,
                hotel_id: id,
                room_type_id: room_type,
                number: format!("{floor}{:02}", n % 20 + 1),
                floor: Some(floor),
                housekeeping_status: match rng.gen_range(0..100) {
                    0..=71 => HousekeepingStatus::Clean,
                    72..=87 => HousekeepingStatus::Dirty,
                    88..=98 => HousekeepingStatus::Inspected,
                    _ => HousekeepingStatus::OutOfOrder,
                },
                is_active: true,
                notes: None,
                created_at: created,
                updated_at: created,
                version: 1,
            });
            rooms.push((room, room_type, rate, max));
        }
    }
    (rooms, priced)
}

/// The `h`th hotel of `org`, in a city of `region`.
fn hotel_row(rng: &mut ChaCha8Rng, org: &Org, h: usize, region: &Region) -> Hotel {
    let &(city, prefix) = region.cities.choose(rng).expect("cities");
    let code = format!("{prefix}{:02}", h + 1);
    let name = match org.tier {
        Tier::Small if org.hotel_rooms.len() == 1 => org.tenant.name.clone(),
        Tier::Small => format!("{} {city}", org.tenant.name),
        _ => format!("{} {city} {}", org.tenant.name, HOTEL_NAMES.choose(rng).expect("names")),
    };
    Hotel {
        tenant_id: org.tenant.id,
        id: HotelId::new(),
        email: Some(format!("frontdesk.{}@{}.example", code.to_lowercase(), org.tenant.slug)),
        phone: Some(format!("{} 555 {:04}", region.phone, rng.gen_range(1000..10_000))),
        code,
        name,
        brand: (org.tier != Tier::Small).then(|| org.tenant.name.clone()),
        city: Some(city.into()),
        country: Some(region.country.into()),
        timezone: region.timezone.into(),
        star_rating: Some(rng.gen_range(2..=5)),
        address: None,
        is_active: true,
        business_date: None,
        created_at: org.tenant.created_at,
        updated_at: org.tenant.created_at,
        version: 1,
    }
}

fn guests(rng: &mut ChaCha8Rng, c: &mut Catalogue, org: &Org, count: usize, now: Timestamp) {
    let (first_names, last_names) = demo::guest_names();
    let home = &REGIONS[org.region];
    c.guests.reserve(count);
    for g in 0..count {
        let first = *first_names.choose(rng).expect("names");
        let last = *last_names.choose(rng).expect("names");
        let from = if rng.gen_bool(0.8) { home } else { REGIONS.choose(rng).expect("regions") };
        let passport = rng.gen_bool(0.25);
        let created_at = days_before(now, rng.gen_range(0..PAST_DAYS + 60)).max(org.tenant.created_at);
        c.guests.push(Guest {
            tenant_id: org.tenant.id,
            id: GuestId::new(),
            first_name: first.into(),
            last_name: last.into(),
            email: rng.gen_bool(0.85).then(|| {
                let domain = ["mail.example", "post.example", "inbox.example"].choose(rng).expect("domains");
                format!("{}{g}@{domain}", demo::email_name(first, last))
            }),
            phone: rng.gen_bool(0.6).then(|| format!("{} 555 {:04}", from.phone, rng.gen_range(1000..10_000))),
            document_type: passport.then_some(DocumentType::Passport),
            document_number: passport.then(|| format!("P{:08}", rng.gen_range(10_000_000..100_000_000))),
            nationality: Some(from.country.into()),
            vip: rng.gen_bool(0.03),
            notes: None,
            created_at,
            updated_at: created_at,
            version: 1,
            language: None,
            no_marketing: rng.gen_bool(0.1),
            no_email: false,
            email_problem: None,
        });
    }
}

/// Each room's stays laid end to end over the window, never overlapping, thinned to
/// exactly the organization's target; then statuses, codes, times and folios.
fn stays(rng: &mut ChaCha8Rng, org: &Org, hotels: &[HotelPlan], guests: &[GuestId], now: Timestamp) -> Vec<Stays> {
    let rooms: usize = hotels.iter().map(|h| h.rooms.len()).sum();
    // Days per stay, gap included, for about a quarter more stays than wanted.
    let window = (PAST_DAYS + FUTURE_DAYS) as f64;
    let cycle = window * rooms as f64 / (org.target.max(1) as f64 * 1.25);
    let mean_gap = (cycle - 3.0).max(0.0);
    // (hotel, room, check-in, nights)
    let mut slots = Vec::with_capacity(org.target + org.target / 10);
    for (h, hotel) in hotels.iter().enumerate() {
        let end = hotel.today + Duration::days(FUTURE_DAYS);
        for r in 0..hotel.rooms.len() {
            let mut day = hotel.today - Duration::days(PAST_DAYS) + Duration::days(rng.gen_range(0..=cycle as i64));
            while day < end {
                let nights = *NIGHTS.choose(rng).expect("nights");
                slots.push((h, r, day, nights));
                day += Duration::days(nights + (rng.gen::<f64>() * 2.0 * mean_gap).round() as i64);
            }
        }
    }
    // Selection sampling: keeps exactly `target` (or all there are), evenly spread.
    let (mut keep, mut left) = (org.target.min(slots.len()), slots.len());
    slots.retain(|_| {
        let take = rng.gen_range(0..left) < keep;
        left -= 1;
        keep -= usize::from(take);
        take
    });
    let mut units = Vec::new();
    let mut codes = HashSet::with_capacity(slots.len());
    let mut start = 0;
    while start < slots.len() {
        // Whole hotels per unit; a small organization's stays are all one unit.
        let mut end = start;
        while end < slots.len()
            && (org.tier == Tier::Small || end - start < STAYS_PER_UNIT || slots[end].0 == slots[end - 1].0)
        {
            end += 1;
        }
        let mut unit = slots[start..end].to_vec();
        // Latest arrival first. The date-led indexes then grow at a few places rather than
        // everywhere, and a room's earlier stays are written after its later ones, so the
        // overlap check (SQLite's trigger scans the room's stays that arrive before the new
        // one leaves) finds next to nothing to look at. Measured on a million stays:
        // SQLite takes a quarter less time, PostgreSQL a tenth less CPU.
        unit.sort_by_key(|&(_, _, day, _)| std::cmp::Reverse(day));
        units.push(unit.into_iter().fold(Stays::default(), |mut s, (h, r, day, nights)| {
            stay(rng, &mut s, org, &hotels[h], r, guests, day, nights, &mut codes, now);
            s
        }));
        start = end;
    }
    units
}

/// One stay: the reservation as the desk would have left it by now, and its folio.
#[allow(clippy::too_many_arguments)]
fn stay(
    rng: &mut ChaCha8Rng,
    s: &mut Stays,
    org: &Org,
    hotel: &HotelPlan,
    room: usize,
    guests: &[GuestId],
    check_in: NaiveDate,
    nights: i64,
    codes: &mut HashSet<String>,
    now: Timestamp,
) {
    let (room_id, room_type_id, rate, max_occupancy) = hotel.rooms[room];
    let own = &guests[hotel.guests.clone()];
    let guest = *(if own.is_empty() { guests } else { own }).choose(rng).expect("guests");
    let today = hotel.today;
    let mut new = demo::stay(rng, hotel.id, room_type_id, room_id, guest, check_in, nights, max_occupancy, today);
    let nrf = rng.gen_bool(0.2);
    let mut priced = hotel.rates.nights(room_type_id, check_in, new.check_out, nrf);
    if priced.is_empty() {
        priced = crate::domain::availability::nights(check_in, new.check_out).map(|n| (n, rate)).collect();
    }
    new.total_amount = priced.iter().map(|(_, p)| p).sum();
    new.nightly_rate = new.total_amount / nights;
    let mut code = new.confirmation_code;
    while !codes.insert(code.clone()) {
        code = confirmation_code(rng);
    }
    let status = new.status;
    let check_out = new.check_out;
    // Some bookings ahead have no room yet: the desk assigns one nearer the day.
    let unassigned = matches!(status, ReservationStatus::Confirmed | ReservationStatus::Pending)
        && check_in > today
        && rng.gen_bool(0.15);
    let lead = if new.source == ReservationSource::WalkIn { 0 } else { rng.gen_range(0..=120) };
    let booked = at(check_in - Duration::days(lead), rng.gen_range(7 * 60..22 * 60), now).max(org.tenant.created_at);
    let checked_in = at(check_in, rng.gen_range(14 * 60..22 * 60), now).max(booked);
    let checked_out = at(check_out, rng.gen_range(7 * 60..11 * 60), now).max(checked_in);
    let id = ReservationId::new();
    let mut r = Reservation {
        tenant_id: org.tenant.id,
        id,
        hotel_id: hotel.id,
        room_type_id,
        room_id: (!unassigned).then_some(room_id),
        guest_id: guest,
        confirmation_code: code,
        check_in,
        check_out,
        adults: new.adults,
        children: new.children,
        status,
        nightly_rate: new.nightly_rate,
        total_amount: new.total_amount,
        source: new.source,
        notes: None,
        cancellation_reason: None,
        confirmed_at: (status != ReservationStatus::Pending).then_some(booked),
        checked_in_at: None,
        checked_out_at: None,
        cancelled_at: None,
        no_show_at: None,
        created_by: None,
        created_at: booked,
        updated_at: booked,
        version: 1,
    };
    lifecycle(rng, &mut r, [booked, checked_in, checked_out], now);
    folio(rng, s, &r, &priced, &hotel.taxes, today, now);
    let plan = Some(if nrf { hotel.rates.nrf() } else { hotel.rates.bar() });
    s.nights.extend(priced.iter().map(|&(night, price)| ReservationNight {
        tenant_id: org.tenant.id,
        ..ReservationNight::new(id, night, plan, price)
    }));
    s.reservations.push(r);
}

/// The moments a stay's status implies (`[booked, checked in, checked out]`, clamped to
/// `now`): check-in and check-out times, or a cancellation, or the no-show mark.
fn lifecycle(
    rng: &mut ChaCha8Rng,
    r: &mut Reservation,
    [booked, checked_in, checked_out]: [Timestamp; 3],
    now: Timestamp,
) {
    let check_in = r.check_in;
    match r.status {
        ReservationStatus::CheckedIn => (r.checked_in_at, r.updated_at, r.version) = (Some(checked_in), checked_in, 2),
        ReservationStatus::CheckedOut => {
            (r.checked_in_at, r.checked_out_at) = (Some(checked_in), Some(checked_out));
            (r.updated_at, r.version) = (checked_out, 3);
        }
        ReservationStatus::Cancelled => {
            // Somewhere between booking and arrival (or now). A fraction, not a range that
            // moves with the clock: the draws must not depend on the time of day.
            let until = at(check_in, 0, now).max(booked);
            let minutes = (until.0 - booked.0).num_minutes() as f64 * rng.gen::<f64>();
            let cancelled = Timestamp(booked.0 + Duration::minutes(minutes as i64));
            r.cancellation_reason = Some((*CANCELLATION_REASONS.choose(rng).expect("reasons")).into());
            (r.cancelled_at, r.updated_at, r.version) = (Some(cancelled), cancelled, 2);
        }
        ReservationStatus::NoShow => {
            let marked = at(check_in + Duration::days(1), 3 * 60, now).max(booked);
            (r.no_show_at, r.updated_at, r.version) = (Some(marked), marked, 2);
        }
        ReservationStatus::Pending | ReservationStatus::Confirmed => {}
    }
}

/// What the desk would have posted by now: a checked-out stay's room nights (as one line)
/// and extras, paid in full; an in-house stay's nights so far (one line each, as the
/// night audit posts them) and a deposit; a deposit on a quarter of the bookings ahead.
fn folio(
    rng: &mut ChaCha8Rng,
    s: &mut Stays,
    r: &Reservation,
    priced: &[(NaiveDate, i64)],
    rules: &[tax::Rule],
    today: NaiveDate,
    now: Timestamp,
) {
    let party = Some((r.adults, r.children));
    let nights_of = |until: NaiveDate| -> Vec<tax::Charge> {
        priced
            .iter()
            .filter(|(n, _)| *n < until)
            .map(|&(n, p)| tax::Charge { amount: p, date: n, room: party })
            .collect()
    };
    let method = match rng.gen_range(0..20) {
        0..=14 => PaymentMethod::Card,
        15..=17 => PaymentMethod::Cash,
        _ => PaymentMethod::BankTransfer,
    };
    let nights = (r.check_out - r.check_in).num_days();
    match r.status {
        ReservationStatus::CheckedOut => {
            let left = r.checked_out_at.unwrap_or(now);
            let plural = if nights == 1 { "" } else { "s" };
            let room = format!("Room, {nights} night{plural} from {}", r.check_in);
            let entry = post(s, r, FolioKind::RoomCharge, room, r.total_amount, None, Some(r.check_in), left);
            let mut owed = r.total_amount + post_taxes(s, r, rules, entry, &nights_of(r.check_out));
            if rng.gen_bool(0.1) {
                let extra = rng.gen_range(8..=40) * 100;
                let last_night = r.check_out - Duration::days(1);
                let entry = post(s, r, FolioKind::Charge, "Minibar".into(), extra, None, Some(last_night), left);
                let minibar = tax::Charge { amount: extra, date: last_night, room: None };
                owed += extra + post_taxes(s, r, rules, entry, &[minibar]);
            }
            post(s, r, FolioKind::Payment, "Payment".into(), owed, Some(method), None, left);
        }
        ReservationStatus::CheckedIn => {
            for charge in nights_of(today.min(r.check_out)) {
                let (night, price) = (charge.date, charge.amount);
                let audited = at(night + Duration::days(1), 3 * 60, now);
                let entry = post(
                    s,
                    r,
                    FolioKind::RoomCharge,
                    format!("Room, night of {night}"),
                    price,
                    None,
                    Some(night),
                    audited,
                );
                post_taxes(s, r, rules, entry, &[charge]);
            }
            let deposit_at = r.checked_in_at.unwrap_or(now);
            let first = priced.first().map_or(r.nightly_rate, |(_, p)| *p);
            post(s, r, FolioKind::Payment, "Deposit".into(), first, Some(method), None, deposit_at);
        }
        ReservationStatus::Confirmed if rng.gen_bool(0.25) => {
            let first = priced.first().map_or(r.nightly_rate, |(_, p)| *p);
            post(s, r, FolioKind::Payment, "Deposit".into(), first, Some(method), None, r.created_at);
        }
        _ => {}
    }
}

/// Posts one entry to `r`'s folio; answers its id.
#[allow(clippy::too_many_arguments)]
fn post(
    s: &mut Stays,
    r: &Reservation,
    kind: FolioKind,
    description: String,
    amount: i64,
    method: Option<PaymentMethod>,
    service_date: Option<NaiveDate>,
    created_at: Timestamp,
) -> FolioEntryId {
    let id = FolioEntryId::new();
    s.folio.push(FolioEntry {
        tenant_id: r.tenant_id,
        id,
        reservation_id: r.id,
        kind,
        description,
        amount,
        method,
        reference: None,
        service_date,
        created_by: None,
        created_at,
        voids_entry_id: None,
        void_reason: None,
    });
    id
}

/// Posts an entry's tax lines, summed per rule over its `charges`; answers what they add on top.
fn post_taxes(
    s: &mut Stays,
    r: &Reservation,
    rules: &[tax::Rule],
    entry: FolioEntryId,
    charges: &[tax::Charge],
) -> i64 {
    let mut by_rule: Vec<tax::Line> = Vec::new();
    for charge in charges {
        for line in tax::lines(rules, charge) {
            match by_rule.iter_mut().find(|l| l.rule == line.rule) {
                Some(l) => l.amount += line.amount,
                None => by_rule.push(line),
            }
        }
    }
    s.folio_taxes.extend(by_rule.iter().map(|l| FolioTax {
        tenant_id: r.tenant_id,
        entry_id: entry,
        tax_rule_id: l.rule,
        amount: l.amount,
        included: l.included,
    }));
    tax::added(&by_rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_add_up_and_the_big_one_leads() {
        for (count, total) in [(1, 500), (2, 10), (3, 3_000), (4, 60_000), (10, 10_000), (1_000, 1_000_000)] {
            let mediums = ((count - 1) / 3).min(MEDIUM.len());
            let t = targets(count, mediums, total);
            assert_eq!((t.len(), t.iter().sum::<usize>()), (count, total), "{count} / {total}");
            assert!(t[1..].iter().all(|&n| n * 3 < t[0]), "{count} / {total}: {t:?}");
            if total >= 60_000 {
                assert!(t[0] >= 50_000);
            }
        }
    }

    #[test]
    fn one_big_a_few_medium_many_small() {
        let t = targets(1_000, 3, 1_000_000);
        assert_eq!(t[0], 60_000);
        assert!(t[1..4].iter().all(|m| *m == 15_000));
        assert!(t[4..].iter().all(|s| (400..=1_400).contains(s)), "{:?}", &t[4..20]);
    }
}
