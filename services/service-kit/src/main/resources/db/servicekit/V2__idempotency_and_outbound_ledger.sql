-- Requests sent with an Idempotency-Key: claimed in the request's own transaction, so the key
-- commits together with the request's effects; the first successful response is kept for repeats.
create table idempotency_key (
    principal       varchar(255)  not null,
    idempotency_key varchar(255)  not null,
    request_hash    bytea         not null,
    status          integer,
    content_type    varchar(255),
    location        varchar(2000),
    response_body   bytea,
    created_at      timestamptz   not null default now(),
    expires_at      timestamptz   not null,
    primary key (principal, idempotency_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);

-- What the outbound relay passed on: written in the relay's transaction, so a stored event of a
-- published type is either here, parked, or still ahead of the relay's token (reconciliation).
create table outbound_published (
    event_id     uuid         primary key,
    topic        varchar(255) not null,
    published_at timestamptz  not null default now()
);

-- Events the relay could never publish as they are (too large, not serializable): kept with the
-- reason so one bad event cannot stall every later one; an admin re-publishes after a fix.
create table outbound_parked (
    event_id        uuid          primary key,
    event_type      varchar(100)  not null,
    topic           varchar(255)  not null,
    partition_key   varchar(100)  not null,
    payload         bytea,
    payload_bytes   integer       not null,
    reason          varchar(2000) not null,
    parked_at       timestamptz   not null default now(),
    republished_at  timestamptz,
    republished_by  varchar(255)
);
