#!/usr/bin/env bash
# Encrypts a configuration value for application.properties or the environment:
#   EVENHAND_CONFIG_PASSWORD=... scripts/encrypt-config-value.sh 'the secret'
# prints ${jasypt::ENC(...)}; the app decrypts it at start with the same EVENHAND_CONFIG_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${EVENHAND_CONFIG_PASSWORD:-}" ] || { echo "set EVENHAND_CONFIG_PASSWORD" >&2; exit 1; }
[ $# -eq 1 ] || { echo "usage: $0 VALUE" >&2; exit 1; }
jar="$HOME/.m2/repository/org/jasypt/jasypt/1.9.3/jasypt-1.9.3.jar"
[ -f "$jar" ] || ./mvnw -B -q dependency:get -Dartifact=org.jasypt:jasypt:1.9.3 >/dev/null
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/Encrypt.java" <<'JAVA'
import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;
public class Encrypt {
    public static void main(String[] a) {
        StandardPBEStringEncryptor e = new StandardPBEStringEncryptor();
        e.setAlgorithm("PBEWithHMACSHA512AndAES_256");
        e.setPassword(System.getenv("EVENHAND_CONFIG_PASSWORD"));
        e.setIvGenerator(new RandomIvGenerator());
        System.out.println("${jasypt::ENC(" + e.encrypt(a[0]) + ")}");
    }
}
JAVA
java -cp "$jar" "$tmp/Encrypt.java" "$1"
