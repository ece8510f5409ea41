package org.carecourse.servicekit.messaging;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For admins of every service: which bindings dead-letter where, and replaying one after a fix. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasRole('admin')")
public class DeadLetterAdminController {

    private final DeadLetterReplay replay;

    public DeadLetterAdminController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @GetMapping
    Map<String, String> topics() {
        return replay.deadLetterTopics();
    }

    @PostMapping("/{binding}/replay")
    DeadLetterReplay.Result replay(@PathVariable String binding) {
        return replay.replay(binding);
    }
}
