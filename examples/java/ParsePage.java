import java.nio.file.Files;
import java.nio.file.Paths;
import org.banmian.Article;
import org.banmian.Page;
import org.banmian.Parser;

/** Parses one page file and lists its articles. */
public class ParsePage {
    public static void main(String[] args) throws Exception {
        try (Parser parser = new Parser(); Page page = parser.parse(Files.readAllBytes(Paths.get(args[0])))) {
            System.out.println("encoding: " + page.encoding() + ", articles: " + page.articleCount());
            for (Article a : page.articles())
                System.out.println("[" + a.kindName() + "] " + (a.title() != null ? a.title() : "(no title)") + " " + a.bylines());
        }
    }
}
