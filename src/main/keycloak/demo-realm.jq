# The demo and test realm "evenhand", derived from the production realm (evenhand-realm.json) by
# scripts/keycloak.sh:  jq --slurpfile users demo-users.json -f demo-realm.jq evenhand-realm.json
# Everything else is the production realm's (roles, client, audience mapper, brute-force protection).
# What the demo relaxes, on purpose (docs/decisions/0019-staff-second-factor-and-token-audience.md):
#   - staff sign in with a password alone, on the sign-in page and by the password grant: the
#     "staff second factor" and "staff refused (direct grant)" steps are DISABLED;
#   - the client allows the password grant (scripts/keycloak.sh token, the tests, bench/);
#   - the demo users ($users, password ${EVENHAND_DEMO_PASSWORD}) and redirects to test ports 8081-8089.
.displayName = "Evenhand (demo: staff sign in without a second factor)"
| .users = (.users // []) + $users[0]
| (.authenticationFlows[].authenticationExecutions[]
    | select(.flowAlias == "staff second factor" or .flowAlias == "staff refused (direct grant)")
    | .requirement) = "DISABLED"
| (.clients[] | select(.clientId == "evenhand-web")) |= (
    .directAccessGrantsEnabled = true
    | .redirectUris += ([range(8081; 8090)] | map("http://localhost:\(.)/*", "http://127.0.0.1:\(.)/*"))
    | .attributes["post.logout.redirect.uris"] = (.redirectUris | join("##")))
