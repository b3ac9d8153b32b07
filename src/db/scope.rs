//! The scoped DSL: the only way to reach a tenant-owned table.
//!
//! * [`TenantScope`] adds `tenant_id = <active tenant>` to every query (`all`) and takes
//!   `tenant_id` from the scope on every insert (`scoped_insert!`). Changesets never carry
//!   `tenant_id`, so an update cannot move a row to another tenant.
//! * [`UserScope`] reads one user's own row and memberships, for login and `/switch`.
//! * [`PlatformScope`] reads across tenants. It can only be built from a
//!   [`PlatformGrant`], which only a verified super admin or the operator CLI holds.
//!
//! Bulk loads (`TenantScope::load`, for the seeder and import) live in `bulk::load`,
//! above the repositories, so that this file depends on nothing but the schema, the
//! connection, the caches, the errors and the domain's ids.
//!
//! Only this file and `schema.rs` name tenant-owned tables other than as the argument
//! of `.all(…)`, and only `bulk/load.rs` reaches tables generically (it sets every row's
//! `tenant_id` from the scope); `tests/app/source_scan.rs` fails the build of anything
//! else.

use diesel::dsl::{Eq, Filter};
use diesel::expression::AsExpression;
use diesel::prelude::*;

use super::cache::{AggregateCache, TenantCache, Touched};
use super::connection::DbConnection;
use super::schema;
use super::{DbError, DbResult};
use crate::domain::ids::{TenantId, UserId};

/// A table whose rows belong to one tenant.
pub trait TenantTable: Table + Copy + Default {
    type TenantCol: Column<Table = Self> + Default + ExpressionMethods + Expression<SqlType = Self::TenantSqlType>;
    /// `Id`, or `Nullable<Id>` for the audit log's platform events.
    type TenantSqlType: diesel::sql_types::SqlType + diesel::sql_types::SingleValue;
}

macro_rules! tenant_tables {
    ($($table:ident),* $(,)?) => {
        $(impl TenantTable for schema::$table::table {
            type TenantCol = schema::$table::tenant_id;
            type TenantSqlType = <schema::$table::tenant_id as Expression>::SqlType;
        })*
        /// Every tenant-owned table, for the catalog and source-scan tests.
        pub const TENANT_TABLES: &[&str] = &[$(stringify!($table)),*];
    };
}
tenant_tables!(
    user_tenant_associations,
    hotels,
    room_types,
    rooms,
    guests,
    reservations,
    folio_entries,
    room_blocks,
    rate_plans,
    rate_plan_prices,
    rate_days,
    reservation_nights,
    tax_rules,
    folio_taxes,
    companies,
    invoice_counters,
    invoices,
    invoice_lines,
    hotel_messaging,
    message_templates,
    outbox_messages,
    stay_notes,
    audit_log
);

/// Tables with no tenant: the platform's own, and the users' sessions (a session
/// belongs to a user and moves between tenants with them; see `db::sessions`).
pub const PLATFORM_TABLES: &[&str] = &["tenants", "users", "sessions"];

pub type Scoped<T> = Filter<T, Eq<<T as TenantTable>::TenantCol, TenantId>>;

/// Inserts into a tenant-owned table with `tenant_id` taken from the scope.
macro_rules! scoped_insert {
    ($scope:expr, $table:ident, $values:expr) => {
        diesel::insert_into($crate::db::schema::$table::table)
            .values(($crate::db::schema::$table::tenant_id.eq($scope.tenant_id()), $values))
    };
}
pub(crate) use scoped_insert;

pub struct TenantScope<'c> {
    conn: &'c mut DbConnection,
    tenant: TenantId,
    user: Option<UserId>,
    cache: &'c TenantCache,
    touched: &'c Touched,
    /// The aggregate cache and the generation this transaction began at; only for
    /// transactions that just read.
    figures: Option<(&'c AggregateCache, u64)>,
    /// What this transaction reads may be stored in the caches (not when it runs on a
    /// replica behind an invalidation; see `replicas`).
    keeps: bool,
}

impl<'c> TenantScope<'c> {
    pub(super) fn new(
        conn: &'c mut DbConnection,
        tenant: TenantId,
        user: Option<UserId>,
        cache: &'c TenantCache,
        touched: &'c Touched,
    ) -> Self {
        Self { conn, tenant, user, cache, touched, figures: None, keeps: true }
    }

    pub(super) fn keeping(mut self, keeps: bool) -> Self {
        self.keeps = keeps;
        self
    }

    /// May what this transaction reads be stored in the caches?
    pub(super) fn keeps(&self) -> bool {
        self.keeps
    }

    pub(super) fn with_figures(mut self, figures: Option<(&'c AggregateCache, u64)>) -> Self {
        self.figures = figures;
        self
    }

    /// What `compute` answers, kept under `key` in the aggregate cache (see
    /// [`AggregateCache`]) when this transaction only reads. For figures that scan much of
    /// the tenant's data; the key must name everything the answer depends on.
    pub fn cached<T>(&mut self, key: String, compute: impl FnOnce(&mut Self) -> DbResult<T>) -> DbResult<T>
    where
        T: Clone + Send + Sync + 'static,
    {
        let Some((cache, began)) = self.figures else {
            return compute(self);
        };
        if let Some(hit) = cache.get(self.tenant, &key) {
            return Ok(hit);
        }
        let value = compute(self)?;
        if self.keeps {
            cache.put(self.tenant, key, value.clone(), began);
        }
        Ok(value)
    }

    /// The organizations cache; reads go through `cached_organization`.
    pub(super) fn tenant_cache(&self) -> &TenantCache {
        self.cache
    }

    /// Marks the organization's row as changed: the cache drops it once this commits.
    pub(super) fn touch_organization(&self) {
        self.touched.add(self.tenant);
    }

    pub fn tenant_id(&self) -> TenantId {
        self.tenant
    }

    /// The user acting, for `created_by` and the audit log.
    pub fn user_id(&self) -> Option<UserId> {
        self.user
    }

    pub(super) fn conn(&mut self) -> &mut DbConnection {
        self.conn
    }

    /// `table WHERE tenant_id = <this tenant>`: the start of every tenant query.
    pub(super) fn all<T>(&self, table: T) -> Scoped<T>
    where
        T: TenantTable + diesel::query_dsl::methods::FilterDsl<Eq<T::TenantCol, TenantId>>,
        TenantId: AsExpression<T::TenantSqlType>,
    {
        table.filter(T::TenantCol::default().eq(self.tenant))
    }
}

/// A user's own view: their user row and their memberships across tenants.
pub struct UserScope<'c> {
    conn: &'c mut DbConnection,
    user: Option<UserId>,
}

impl<'c> UserScope<'c> {
    pub(super) fn new(conn: &'c mut DbConnection, user: UserId) -> Self {
        Self { conn, user: Some(user) }
    }

    pub(super) fn anonymous(conn: &'c mut DbConnection) -> Self {
        Self { conn, user: None }
    }

    pub fn user_id(&self) -> Option<UserId> {
        self.user
    }

    pub(super) fn conn(&mut self) -> &mut DbConnection {
        self.conn
    }

    /// The memberships of this scope's user: the one tenant-owned query that is keyed by
    /// user rather than tenant (row-level security admits it through `app.user_id`).
    pub(super) fn own_memberships(
        &self,
    ) -> DbResult<Filter<schema::user_tenant_associations::table, Eq<schema::user_tenant_associations::user_id, UserId>>>
    {
        let user = self.user.ok_or(DbError::NotFound)?;
        Ok(schema::user_tenant_associations::table.filter(schema::user_tenant_associations::user_id.eq(user)))
    }

    /// Checks in the database that this user is an active super admin right now.
    pub fn platform_grant(&mut self) -> DbResult<PlatformGrant> {
        use schema::users::dsl as u;
        let user = self.user.ok_or(DbError::NotFound)?;
        let ok: bool = u::users
            .filter(u::id.eq(user))
            .select(u::is_super_admin.and(u::is_active))
            .first(self.conn)
            .optional()?
            .unwrap_or(false);
        if ok {
            Ok(PlatformGrant { user: Some(user) })
        } else {
            Err(DbError::NotFound)
        }
    }
}

/// Proof that the holder may read across tenants.
#[derive(Clone, Debug)]
pub struct PlatformGrant {
    user: Option<UserId>,
}

impl PlatformGrant {
    /// For the operator's command line (`hotelier migrate`, `seed`, `tenant export`) and
    /// the server's own outbox worker (`mailer`): whoever runs the binary against the
    /// database already owns it. Never used by the
    /// web layer; `tests/app/source_scan.rs` checks that.
    pub fn operator() -> Self {
        Self { user: None }
    }

    pub fn user(&self) -> Option<UserId> {
        self.user
    }
}

pub struct PlatformScope<'c> {
    conn: &'c mut DbConnection,
    grant: PlatformGrant,
    cache: &'c TenantCache,
    touched: &'c Touched,
}

impl<'c> PlatformScope<'c> {
    pub(super) fn new(
        conn: &'c mut DbConnection,
        grant: PlatformGrant,
        cache: &'c TenantCache,
        touched: &'c Touched,
    ) -> Self {
        Self { conn, grant, cache, touched }
    }

    /// Marks an organization's row as changed: the cache drops it once this commits.
    pub(super) fn touch_organization(&self, tenant: TenantId) {
        self.touched.add(tenant);
    }

    pub fn grant(&self) -> &PlatformGrant {
        &self.grant
    }

    pub(super) fn conn(&mut self) -> &mut DbConnection {
        self.conn
    }

    /// A tenant-owned table across every tenant. Only for platform reads (the console,
    /// analytics, export): the returned query has no tenant filter.
    pub(super) fn all<T: TenantTable>(&self, table: T) -> T {
        table
    }

    /// Acts inside one tenant from a platform transaction (onboarding, import).
    pub fn tenant(&mut self, tenant: TenantId) -> TenantScope<'_> {
        TenantScope::new(self.conn, tenant, self.grant.user, self.cache, self.touched)
    }
}

/// Joins between tenant-owned tables, written once. Each matches on `tenant_id` as well
/// as the key, so a join can never cross tenants (and stays co-located when PostgreSQL
/// is distributed by `tenant_id`).
pub(super) mod joins {
    use diesel::dsl;
    use diesel::prelude::*;

    use super::schema::{
        folio_entries, folio_taxes, guests, invoice_lines, invoices, reservations, room_blocks, rooms,
        user_tenant_associations as uta, users,
    };
    use crate::domain::ids::TenantId;

    /// A reservation's guest: `… INNER JOIN guests ON guests.id = reservations.guest_id
    /// AND guests.tenant_id = reservations.tenant_id`.
    #[dsl::auto_type]
    pub fn guest_of_reservation() -> _ {
        guests::table.on(guests::id.eq(reservations::guest_id).and(guests::tenant_id.eq(reservations::tenant_id)))
    }

    /// A block's room: `… INNER JOIN rooms ON rooms.id = room_blocks.room_id AND
    /// rooms.tenant_id = room_blocks.tenant_id`.
    #[dsl::auto_type]
    pub fn room_of_block() -> _ {
        rooms::table.on(rooms::id.eq(room_blocks::room_id).and(rooms::tenant_id.eq(room_blocks::tenant_id)))
    }

    /// A tax line's entry: `… INNER JOIN folio_entries ON folio_entries.id =
    /// folio_taxes.entry_id AND folio_entries.tenant_id = folio_taxes.tenant_id`.
    #[dsl::auto_type]
    pub fn entry_of_tax() -> _ {
        folio_entries::table
            .on(folio_entries::id.eq(folio_taxes::entry_id).and(folio_entries::tenant_id.eq(folio_taxes::tenant_id)))
    }

    /// An invoice line's invoice, on the same tenant.
    #[dsl::auto_type]
    pub fn invoice_of_line() -> _ {
        invoices::table
            .on(invoices::id.eq(invoice_lines::invoice_id).and(invoices::tenant_id.eq(invoice_lines::tenant_id)))
    }

    /// A user's membership in one tenant, for `users LEFT JOIN …`: `ON
    /// user_tenant_associations.user_id = users.id AND user_tenant_associations.tenant_id = <tenant>`.
    #[dsl::auto_type]
    pub fn membership_in(tenant: TenantId) -> _ {
        uta::table.on(uta::user_id.eq(users::id).and(uta::tenant_id.eq(tenant)))
    }
}
