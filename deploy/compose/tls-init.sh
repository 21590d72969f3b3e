#!/usr/bin/env bash
# Makes the compose stack's TLS material once, into the shared `tls` volume: a private CA, a key
# store for the broker (kafka) and one for the schema registry (schema-registry), each signed by
# the CA, and a trust store holding the CA for every client. Runs again harmlessly: what exists is
# kept. For a real deployment use certificates from your own CA instead.
set -euo pipefail
: "${TLS_STORE_PASSWORD:?set TLS_STORE_PASSWORD in .env}"
out=/tls
cd "$out"
if [ -f truststore.p12 ]; then
  echo "TLS material already in place"
  exit 0
fi
days=825
keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=followup-sla compose CA" \
  -ext bc:c -validity "$days" -keystore ca.p12 -storetype PKCS12 -storepass "$TLS_STORE_PASSWORD"
keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass "$TLS_STORE_PASSWORD" -file ca.pem
keytool -importcert -noprompt -alias ca -file ca.pem -keystore truststore.p12 -storetype PKCS12 \
  -storepass "$TLS_STORE_PASSWORD"
for host in kafka schema-registry; do
  keytool -genkeypair -alias "$host" -keyalg EC -groupname secp256r1 -dname "CN=$host" \
    -validity "$days" -keystore "$host.p12" -storetype PKCS12 -storepass "$TLS_STORE_PASSWORD"
  keytool -certreq -alias "$host" -keystore "$host.p12" -storepass "$TLS_STORE_PASSWORD" \
    -file "$host.csr"
  keytool -gencert -alias ca -keystore ca.p12 -storepass "$TLS_STORE_PASSWORD" -infile "$host.csr" \
    -outfile "$host.pem" -rfc -validity "$days" -ext "san=dns:$host,dns:localhost" \
    -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth,clientAuth
  keytool -importcert -noprompt -alias ca -file ca.pem -keystore "$host.p12" \
    -storepass "$TLS_STORE_PASSWORD"
  keytool -importcert -noprompt -alias "$host" -file "$host.pem" -keystore "$host.p12" \
    -storepass "$TLS_STORE_PASSWORD"
  rm -f "$host.csr"
done
# The CA's key stays here, readable by nobody else; the stores are password-protected.
chmod 600 ca.p12
chmod 644 truststore.p12 kafka.p12 schema-registry.p12 ca.pem
echo "TLS material written"
