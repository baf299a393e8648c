package dev.scimkit.examples.springboot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stands for the app's own API, which knows nothing of Scimkit: {@code GET /api/hello}. */
@RestController
public class HelloController {

  @GetMapping(path = "/api/hello", produces = "text/plain")
  public String hello(@RequestParam(name = "name", required = false) String name) {
    return "Hello, " + (name == null || name.isBlank() ? "world" : name) + "!";
  }
}
