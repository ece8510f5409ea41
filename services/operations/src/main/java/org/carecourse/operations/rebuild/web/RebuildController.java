package org.carecourse.operations.rebuild.web;

import org.carecourse.operations.rebuild.ReadModelRebuild;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins rebuild the read models from the topics and watch it happen (the page's lag shows the replay catching up). */
@RestController
@PreAuthorize("hasRole('admin')")
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/read-models/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModelRebuild.Status start() {
        return rebuild.start(StaffMember.current().userId());
    }

    @GetMapping("/api/admin/read-models/rebuild")
    ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}
