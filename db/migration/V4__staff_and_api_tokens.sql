-- API tokens for scripts. The token itself is shown once when created and never stored: only its
-- SHA-256 digest, which is enough for a 256-bit random secret and cheap to check on every request.
create table api_token (
    id           uuid primary key,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    role         varchar(16)  not null check (role in ('ADMIN', 'VIEWER')),
    created_at   timestamptz  not null,
    created_by   varchar(120),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create unique index api_token_hash_uq on api_token (token_hash);

-- Staff accounts now change after creation (role, enabled, password).
alter table staff_account add column updated_at timestamptz;
update staff_account set updated_at = created_at;
alter table staff_account alter column updated_at set not null;
