package org.carecourse.consultations.consultation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the patient heard of the clinic, for the intake funnel. */
public enum ReferralSource {
    PHYSICIAN("physician"), THERAPIST("therapist"), WEB_SEARCH("web-search"), SOCIAL_MEDIA("social-media"),
    FRIEND_OR_FAMILY("friend-or-family"), OTHER("other");

    private final String code;

    ReferralSource(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReferralSource fromCode(String code) {
        for (ReferralSource r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown referral source: " + code);
    }
}
