-- OpenID Connect sign-in moved to quarkus-oidc, which keeps a sign-in in progress (state, nonce, PKCE verifier) in
-- an encrypted, HttpOnly state cookie that lives 10 minutes, instead of a row here. Rows left are sign-ins started
-- before the upgrade; they could no longer be finished.
DROP TABLE oidc_login;
