-- Sign-in throttling per address, and one-time passwords that expire.
-- Keep in step with the other dialect (same tables, same columns).

-- When the current password was set; NULL: at the account's creation. A one-time password
-- (must_change_password = 1) stops working some days after this.
ALTER TABLE accounts ADD COLUMN password_set_at BIGINT;

-- Attempts at one login name from one client address. `succeeded_at`: the last sign-in of that
-- name from there, which makes the address a known one for it.
CREATE TABLE login_failures_from (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    failures BIGINT NOT NULL,
    last_failure BIGINT NOT NULL,
    succeeded_at BIGINT,
    PRIMARY KEY (username, address)
);

-- Failed attempts from one client address, whatever the name.
CREATE TABLE address_failures (
    address TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure BIGINT NOT NULL
);
