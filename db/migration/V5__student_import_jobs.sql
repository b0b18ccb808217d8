-- Student CSV imports run as background jobs. Their state lives here, not in memory, so that any
-- instance can answer "how far is it?" and a job whose instance stopped is seen as failed.
create table student_import_job (
    id             uuid primary key,
    phase          varchar(16)  not null check (phase in
                       ('QUEUED', 'PARSING', 'VALIDATING', 'HASHING', 'WRITING', 'DONE', 'FAILED')),
    dry_run        boolean      not null,
    atomic         boolean      not null,
    file_name      varchar(255),
    -- progress of the current pass over the file: rows_total is null until the rows are counted
    rows_done      bigint       not null default 0,
    rows_total     bigint,
    progress_since timestamptz,
    created_at     timestamptz  not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    -- the instance that accepted the upload (it holds the spooled file) and when it last reported
    instance_id    uuid         not null,
    heartbeat_at   timestamptz  not null,
    failure        varchar(1000),
    -- counts and rejections (line numbers and reasons, never values): see StudentImportReport
    report         jsonb        check (report is null or jsonb_typeof(report) = 'object')
);
create index student_import_job_unfinished_idx on student_import_job (heartbeat_at)
    where phase not in ('DONE', 'FAILED');
create index student_import_job_finished_idx on student_import_job (finished_at);
