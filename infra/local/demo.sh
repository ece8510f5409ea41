#!/usr/bin/env bash
# Walks the intake journey against a running local platform (bash infra/local/run.sh):
# front desk requests a consultation at Denver -> Kafka -> screening opens a case -> a nurse screens
# (PHQ-9 with a safety alert, C-SSRS, follow-up, history) -> a prescriber signs the decision.
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
call() { # method url token [body]
  curl -s -X "$1" "$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}
  echo
}

FRONT_DESK=$(token frontdesk.denver)
NURSE=$(token nurse.denver)
PRESCRIBER=$(token prescriber.denver)

echo "== front desk requests a consultation at Denver for a new patient"
created=$(call POST "$CONSULTATIONS/api/consultations" "$FRONT_DESK" \
  "{\"patient\": {\"givenName\": \"Ana\", \"familyName\": \"Demo-$RANDOM\", \"dateOfBirth\": \"1985-04-12\",
                  \"phone\": \"+1 303 555 0101\"},
    \"conditions\": [\"depression\", \"ptsd\"], \"preferredClinicId\": \"$DENVER\", \"contactPreference\": \"sms\"}")
echo "$created"
patient=$(echo "$created" | field patientId)
consultation=$(echo "$created" | field consultationId)

echo "== the prescriber recommends screening"
call POST "$CONSULTATIONS/api/consultations/$consultation/outcome" "$PRESCRIBER" '{"outcome": "recommend-screening"}'

echo "== screening opened a case from the Kafka event"
case=""
for _ in $(seq 1 30); do
  case=$(curl -sf "$SCREENING/api/screening-cases?patientId=$patient" -H "Authorization: Bearer $NURSE" | field caseId || true)
  [ -n "$case" ] && break
  sleep 1
done
echo "case $case"

echo "== PHQ-9 with item 9 answered 1: scored, and a safety alert is raised at once"
phq=$(call POST "$SCREENING/api/screening-cases/$case/instruments" "$NURSE" '{"instrument": "phq-9", "items": [3,3,2,2,2,2,2,1,1]}')
echo "$phq"
alert=$(echo "$phq" | field openSafetyAlertId)
call GET "$SCREENING/api/safety-alerts?clinicId=$DENVER" "$NURSE"

echo "== C-SSRS, then the documented follow-up clears the alert"
call POST "$SCREENING/api/screening-cases/$case/instruments" "$NURSE" '{"instrument": "c-ssrs", "items": [1,0,null,null,null,0]}'
call POST "$SCREENING/api/screening-cases/$case/safety-alerts/$alert/follow-up" "$NURSE" \
  '{"safetyPlan": "crisis line, support person, means restriction", "disposition": "continue-screening"}'

echo "== history, medications, vitals and antidepressant trials"
call PUT "$SCREENING/api/screening-cases/$case/history" "$NURSE" '{"conditions": [], "medications": [],
  "vitals": {"systolic": 126, "diastolic": 80, "heartRate": 70, "spo2": 98, "weightKg": 64, "heightCm": 165, "measuredAt": "2026-11-01T15:00:00Z"},
  "pregnancy": "not-pregnant", "activeSubstanceUseDisorder": false,
  "antidepressantTrials": [{"drug": "sertraline", "adequateDose": true, "weeks": 10, "response": "none"},
                           {"drug": "bupropion", "adequateDose": true, "weeks": 8, "response": "partial"}]}'

echo "== the rules' proposal, then the prescriber signs"
call POST "$SCREENING/api/screening-cases/$case/eligibility/proposal" "$PRESCRIBER" '{"modality": "iv-ketamine"}'
call POST "$SCREENING/api/screening-cases/$case/eligibility/decision" "$PRESCRIBER" '{"modality": "iv-ketamine", "outcome": "eligible"}'

echo "== refusals are problem+json"
call GET "$SCREENING/api/screening-cases/$case/instruments" "$FRONT_DESK"
curl -s -o /dev/null -w "no token: %{http_code}\n" -X POST "$CONSULTATIONS/api/consultations" -H 'Content-Type: application/json' -d '{}'
