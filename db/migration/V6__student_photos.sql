-- Photos uploaded to examgate, at most one per student. The bytes live in the database, not on a
-- disk beside it, so that every instance serves the same photo and a database backup holds them too;
-- in a table of their own, so that reading or searching students never carries image data along.
create table student_photo (
    student_id   uuid         primary key references student (id) on delete cascade,
    -- random and new at every upload: signed links name it, so a replaced photo's links stop working
    version      varchar(32)  not null,
    content_type varchar(32)  not null check (content_type in ('image/jpeg', 'image/png')),
    width        integer      not null check (width > 0),
    height       integer      not null check (height > 0),
    byte_size    integer      not null check (byte_size > 0),
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null
);
-- JPEG and PNG are compressed already: keep the bytes out of line as they are, without trying again.
alter table student_photo alter column content set storage external;
