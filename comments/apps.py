from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"
    # Ids the comment section puts on an article page, which heading anchors must not take.
    page_element_ids = {"comments", "comments-title", "respond", "reply-title"}
    page_element_id_patterns = [r"comment-\d+"]

    def ready(self):
        import site_cache  # CommentSettings is kept there: forget it when it changes

        from .models import Comment, forget_history_label
        from .page_cache import comment_deleted, comment_saved

        post_delete.connect(
            forget_history_label, sender=Comment, dispatch_uid="comments.forget_history_label"
        )
        site_cache.connect()
        post_save.connect(comment_saved, sender=Comment, dispatch_uid="comments.page_cache.saved")
        post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="comments.page_cache.deleted")
