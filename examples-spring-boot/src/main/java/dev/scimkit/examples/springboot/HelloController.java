package dev.scimkit.examples.springboot;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands for the app's own API, which knows nothing of Scimkit: {@code GET /api/hello}, and
 * {@code GET /api/account} behind the app's own sign-in.
 */
@RestController
public class HelloController {

  @GetMapping(path = "/api/hello", produces = "text/plain")
  public String hello(@RequestParam(name = "name", required = false) String name) {
    return "Hello, " + (name == null || name.isBlank() ? "world" : name) + "!";
  }

  /** The app's own authentication, its own {@code 401} and challenge: nobody is signed in here. */
  @GetMapping(path = "/api/account", produces = "text/plain")
  public ResponseEntity<String> account() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"app\"")
        .body("Sign in to the app first");
  }
}
