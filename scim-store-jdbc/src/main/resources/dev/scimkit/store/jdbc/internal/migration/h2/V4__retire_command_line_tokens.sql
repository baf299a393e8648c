-- Scimkit JDBC store, schema version 4: tokens given on the standalone server's command line are
-- configuration, no longer stored.
--
-- Before version 4 the standalone server stored a --token or --tenant secret as a token with the
-- description '--token' or '--tenant NAME', and it stayed valid after the server was started
-- with another value. The server now keeps such secrets in memory only, valid while configured;
-- the stored ones are revoked here, so that a secret removed from the command line stops working.
UPDATE scim_token
   SET revoked_ns = CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000000000 AS BIGINT)
 WHERE revoked_ns IS NULL
   AND (description = '--token' OR description LIKE '--tenant %');
