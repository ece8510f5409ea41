-- Tables every service owns in its own database. Axon does not create its tables: Flyway does.
-- Payloads and metadata are bytea (JSON bytes from the Jackson 3 serializer), readable in SQL
-- with convert_from(payload, 'UTF8') for audits.

-- A dedicated sequence for the event store: sharing it with projections would put gaps into
-- every tracking token.
create sequence domain_event_entry_seq;

create table domain_event_entry (
    global_index         bigint       not null default nextval('domain_event_entry_seq') primary key,
    event_identifier     varchar(255) not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    unique (aggregate_identifier, sequence_number)
);
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Idempotent consumers: an inbound integration event takes effect only if its id is new here,
-- recorded in the same transaction as the effect.
create table inbox_message (
    consumer    varchar(100) not null,
    event_id    uuid         not null,
    event_type  varchar(100) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
