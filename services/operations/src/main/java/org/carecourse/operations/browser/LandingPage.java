package org.carecourse.operations.browser;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After sign-in, where {@link OperationsAccess} says each person starts. */
@Controller
class LandingPage {

    @GetMapping("/")
    String land() {
        return "redirect:" + OperationsAccess.landingFor(StaffMember.current());
    }
}
