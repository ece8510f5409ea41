package org.carecourse.servicekit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CachedBodyRequestTest {

    @Test
    void aFormPostsFieldsAreParametersAfterItsBodyWasCached() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/logout");
        post.setContentType("application/x-www-form-urlencoded; charset=UTF-8");
        post.addParameter("from", "query");
        byte[] body = "_csrf=a%2Bb%3D%3D&note=caf%C3%A9+au+lait&flag&from=body".getBytes(StandardCharsets.UTF_8);
        CachedBodyRequest cached = new CachedBodyRequest(post, body);

        assertThat(cached.getParameter("_csrf")).isEqualTo("a+b==");
        assertThat(cached.getParameter("note")).isEqualTo("café au lait");
        assertThat(cached.getParameter("flag")).isEmpty();
        assertThat(cached.getParameterValues("from")).containsExactly("query", "body");
        assertThat(Collections.list(cached.getParameterNames())).containsExactly("from", "_csrf", "note", "flag");
        assertThat(cached.body()).isEqualTo(body);
    }

    @Test
    void aJsonBodyIsNotReadAsParameters() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/things");
        post.setContentType("application/json");
        CachedBodyRequest cached = new CachedBodyRequest(post, "{\"a\": \"b=c\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(cached.getParameterMap()).isEmpty();
        assertThat(cached.getParameter("a")).isNull();
    }
}
