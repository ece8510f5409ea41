package org.carecourse.operations.browser;

import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After sign-in: auditors to their patient search, everyone else to the chain overview (which refuses roles it does not serve). */
@Controller
class LandingPage {

    @GetMapping("/")
    String land() {
        return StaffMember.current().has(StaffRole.AUDITOR) ? "redirect:/audit" : "redirect:/dashboard";
    }
}
