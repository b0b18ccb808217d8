-- Exams as the platform names them, with the rules a verification follows for each.
create table exam (
    exam_id          varchar(256) primary key,
    title            varchar(300) not null,
    -- [{"position": 0, "kind": "IDENTIFIER"}, ...]
    field_layout     jsonb        not null check (jsonb_typeof(field_layout) = 'array'),
    -- ["STUDENT_NUMBER", "MATRIC_NUMBER", "EMAIL"]
    identifier_kinds jsonb        not null check (jsonb_typeof(identifier_kinds) = 'array'),
    roster_required  boolean      not null default false,
    opens_at         timestamptz,
    closes_at        timestamptz,
    active           boolean      not null default true,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    check (opens_at is null or closes_at is null or opens_at < closes_at)
);

create table exam_enrollment (
    exam_id     varchar(256) not null references exam (exam_id) on delete cascade,
    student_id  uuid         not null references student (id) on delete cascade,
    enrolled_at timestamptz  not null,
    primary key (exam_id, student_id)
);
create index exam_enrollment_student_idx on exam_enrollment (student_id);

-- One current access code per student and exam, kept only as a keyed hash (HMAC-SHA256).
create table access_code (
    exam_id    varchar(256) not null references exam (exam_id) on delete cascade,
    student_id uuid         not null references student (id) on delete cascade,
    code_hash  varchar(64)  not null,
    created_at timestamptz  not null,
    primary key (exam_id, student_id)
);
create unique index access_code_hash_uq on access_code (exam_id, code_hash);

-- Keys examgate generated for itself in the default mode (e.g. the access-code key).
create table instance_secret (
    name       varchar(64) primary key,
    value      varchar(256) not null,
    created_at timestamptz  not null
);

-- Failed attempts per normalised identifier, so that every instance sees the same count.
-- The identifier itself is kept only as a keyed hash plus a masked form for staff.
create table lockout (
    id                uuid primary key,
    subject_hash      varchar(64)  not null unique,
    subject_masked    varchar(80)  not null,
    scope             varchar(16)  not null check (scope in ('STUDENT', 'STAFF')),
    failures          integer      not null,
    first_failure_at  timestamptz  not null,
    last_failure_at   timestamptz  not null,
    locks             integer      not null default 0,
    locked_until      timestamptz
);
create index lockout_locked_until_idx on lockout (locked_until);
