#!/usr/bin/env bash
# Walks the first slice against a running local platform (bash infra/local/run.sh):
# front desk requests a consultation at Denver -> Kafka -> screening opens a case -> a nurse sees it.
set -euo pipefail
ISSUER=${ISSUER:-http://localhost:9000}
CONSULTATIONS=${CONSULTATIONS:-http://localhost:8081}
SCREENING=${SCREENING:-http://localhost:8082}
DENVER=11111111-1111-4111-8111-111111111111

token() { # demo users' secrets are their user ids
  curl -sf -u "$1:$1" -d grant_type=client_credentials "$ISSUER/oauth2/token" \
    | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

FRONT_DESK=$(token frontdesk.denver)
NURSE=$(token nurse.denver)

echo "== front desk requests a consultation at Denver"
created=$(curl -sf -X POST "$CONSULTATIONS/api/consultations" \
  -H "Authorization: Bearer $FRONT_DESK" -H 'Content-Type: application/json' \
  -d "{\"patient\": {\"givenName\": \"Ana\", \"familyName\": \"Lopez\", \"dateOfBirth\": \"1985-04-12\",
                     \"phone\": \"+1 303 555 0101\"},
       \"conditions\": [\"depression\", \"ptsd\"], \"preferredClinicId\": \"$DENVER\"}")
echo "$created"
patient=$(echo "$created" | field patientId)

echo "== screening opens a case from the Kafka event"
for _ in $(seq 1 30); do
  cases=$(curl -sf "$SCREENING/api/screening-cases?patientId=$patient" -H "Authorization: Bearer $NURSE")
  if [ "$cases" != "[]" ]; then echo "$cases"; break; fi
  sleep 1
done

echo "== refusals are problem+json"
curl -s -o /dev/null -w "no token: %{http_code}\n" -X POST "$CONSULTATIONS/api/consultations" -H 'Content-Type: application/json' -d '{}'
curl -s -w "\n" -X POST "$CONSULTATIONS/api/consultations" -H "Authorization: Bearer $FRONT_DESK" \
  -H 'Content-Type: application/json' -d '{"patient": {"givenName": ""}, "conditions": []}'
