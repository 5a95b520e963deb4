# Test realm "evenhand-production-check": the production realm (src/main/keycloak/evenhand-realm.json)
# exactly as shipped, only renamed and given the demo users, so that the end-to-end suite can prove its
# policies against the real Keycloak (StaffSecondFactorEndToEndTest). scripts/keycloak.sh imports it
# next to the demo realm:  jq --slurpfile users demo-users.json -f production-check-realm.jq evenhand-realm.json
# One staff user, quinn, has enrolled an authenticator app with the test secret below (Keycloak keeps
# the secret as text; the app would be given its base32 form); no other staff user has one.
def enrolled_secret: "EvenhandTestTotpKey1";
.realm = "evenhand-production-check"
| .displayName = "Evenhand (production realm, test copy)"
| .users = (.users // []) + ($users[0] | map(if .username == "quinn" then .credentials += [{
      type: "otp",
      userLabel: "test authenticator",
      secretData: ({value: enrolled_secret} | tojson),
      credentialData: ({subType: "totp", digits: 6, counter: 0, period: 30, algorithm: "HmacSHA1"} | tojson)
    }] else . end))
