-- examgate's foundation: the student registry, webhook clients, staff accounts, received events,
-- respondent timelines and the verification audit trail.

create table student (
    id             uuid primary key,
    student_number varchar(64)  not null,
    matric_number  varchar(64),
    email          varchar(254),
    full_name      varchar(200) not null,
    about          varchar(1000),
    status         varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'GRADUATED')),
    photo_url      varchar(2048),
    password_hash  varchar(512),
    attributes     jsonb        not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);
-- Each identifier kind names at most one student; e-mail addresses compare case-insensitively.
create unique index student_number_uq on student (student_number);
create unique index student_matric_number_uq on student (matric_number);
create unique index student_email_uq on student (lower(email));

create table webhook_client (
    id           uuid primary key,
    client_id    varchar(128) not null,
    -- SHA-256 of the secret, hex; the secret itself is shown once and never stored
    secret_hash  varchar(64)  not null,
    description  varchar(200),
    created_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    unique (client_id, secret_hash)
);
create index webhook_client_active_idx on webhook_client (client_id) where revoked_at is null;

create table staff_account (
    id            uuid primary key,
    username      varchar(100) not null,
    password_hash varchar(512) not null,
    role          varchar(16)  not null check (role in ('ADMIN', 'VIEWER')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null
);
create unique index staff_account_username_uq on staff_account (lower(username));

-- Every event the platform delivered. The three known notifications are stored once per
-- (event, exam, respondent): the partial unique index makes a repeated or concurrent delivery
-- an update of delivery_count instead of a second row.
create table webhook_event (
    id               bigint generated always as identity primary key,
    event_type       varchar(64)  not null,
    exam_id          varchar(256),
    respondent_id    varchar(256),
    occurred_at      timestamptz,
    received_at      timestamptz  not null,
    last_received_at timestamptz  not null,
    delivery_count   integer      not null default 1,
    payload          json         not null
);
create unique index webhook_event_once_uq on webhook_event (event_type, exam_id, respondent_id)
    where event_type in ('admitted_respondent', 'result_ready', 'investigation_complete');
create index webhook_event_received_idx on webhook_event (received_at);
create index webhook_event_exam_idx on webhook_event (exam_id, received_at);

create table respondent_timeline (
    exam_id                    varchar(256) not null,
    respondent_id              varchar(256) not null,
    admitted_at                timestamptz,
    result_ready_at            timestamptz,
    investigation_completed_at timestamptz,
    last_event_at              timestamptz  not null,
    primary key (exam_id, respondent_id)
);

create table verification_attempt (
    id                uuid primary key,
    occurred_at       timestamptz not null,
    exam_id           varchar(256),
    student_id        uuid references student (id) on delete set null,
    identifier_masked varchar(80),
    outcome           varchar(32) not null,
    language          varchar(16),
    latency_ms        integer     not null
);
create index verification_attempt_occurred_idx on verification_attempt (occurred_at);
create index verification_attempt_exam_idx on verification_attempt (exam_id, occurred_at);
create index verification_attempt_student_idx on verification_attempt (student_id, occurred_at);
