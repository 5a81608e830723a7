-- API keys of the REST API (issue 7). Only the SHA-256 of a key is stored; key_id is its public lookup part.
CREATE TABLE api_key (
    key_id       VARCHAR(32)              NOT NULL,
    name         VARCHAR(100)             NOT NULL,
    role         VARCHAR(16)              NOT NULL,
    secret_hash  VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_key PRIMARY KEY (key_id),
    CONSTRAINT uq_api_key_name UNIQUE (name)
);

CREATE INDEX ix_api_key_role ON api_key (role);
