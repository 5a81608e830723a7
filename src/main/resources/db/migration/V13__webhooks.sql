-- Outbound webhooks (issue 17). The secret is kept in clear because the hub must compute HMACs with it; the table
-- is readable only by whoever can read the database, like the rest of the configuration.
CREATE TABLE webhook (
    id              VARCHAR(64)              NOT NULL,
    url             VARCHAR(2048)            NOT NULL,
    secret          VARCHAR(256)             NOT NULL,
    events          VARCHAR(256)             NOT NULL,
    watch_addresses VARCHAR(8192)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook PRIMARY KEY (id)
);
